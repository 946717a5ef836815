import { z } from 'zod';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@samplan/protocol';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where the built web app lives; served at `/` when it exists. */
  WEB_DIST: z.string().min(1).default('./dist/web'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  /** Signs collab tokens; generated and kept in DATA_DIR when not given. */
  SESSION_SECRET: z.string().min(32).optional(),
  ALLOW_REGISTRATION: boolFromEnv.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  COLLAB_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_MESSAGE_BYTES),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  CHECKPOINT_EVERY_UPDATES: z.coerce.number().int().positive().default(500),
  CHECKPOINT_EVERY_BYTES: z.coerce.number().int().positive().default(512 * 1024),
  /** NORMAL survives a killed server process; FULL also survives power loss, at an fsync per commit. */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses configuration once, at start; throws a readable error naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
