import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config.ts';

const SECRET = 'delt-hemmelighet-for-økter-og-tokens-på-alle-instanser';
const AUDIT_KEY = 'delt-nøkkel-for-innsynsloggen-på-alle-instanser-0123';

describe('configuration', () => {
  it('needs the secrets every instance shares when several serve together (REDIS_URL)', () => {
    expect(() => parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /SESSION_SECRET: must be set, and the same on every instance[\s\S]*AUDIT_LOG_KEY: must be set/,
    );
    expect(() => parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SESSION_SECRET: SECRET })).toThrow(/AUDIT_LOG_KEY/);
    const config = parseConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_SECRET: SECRET,
      AUDIT_LOG_KEY: AUDIT_KEY,
    });
    expect(config.SESSION_SECRET).toBe(SECRET);
    // One instance makes its own and keeps them in its data folder.
    expect(parseConfig({}).SESSION_SECRET).toBeUndefined();
  });

  it('needs a write budget that one message fits in, or that message could never be sent', () => {
    expect(() => parseConfig({ MAX_MESSAGE_BYTES: '1000', WRITE_BUDGET_BYTES: '999' })).toThrow(
      /WRITE_BUDGET_BYTES: must be at least MAX_MESSAGE_BYTES/,
    );
    expect(parseConfig({ MAX_MESSAGE_BYTES: '1000', WRITE_BUDGET_BYTES: '1000' }).WRITE_BUDGET_BYTES).toBe(1000);
    expect(parseConfig({}).WRITE_BUDGET_BYTES).toBeGreaterThanOrEqual(parseConfig({}).MAX_MESSAGE_BYTES);
  });
});
