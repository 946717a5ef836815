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
});
