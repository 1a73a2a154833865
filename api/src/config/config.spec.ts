import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database and demo data', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeNull();
    expect(c.demo).toBe(true);
    expect(c.port).toBe(4000);
  });

  it('never seeds demo data on an external database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', KOK_DEMO: '1' }).demo).toBe(true);
  });

  it('reports every bad value with a clear message', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', KOK_DEMO: 'maybe', NODE_ENV: 'production' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT="abc"');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('KOK_DEMO="maybe"');
      expect(msg).toContain('KOK_JWT_SECRET is required');
    }
  });

  it('requires an audience with an OIDC issuer', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_AUDIENCE/);
  });
});
