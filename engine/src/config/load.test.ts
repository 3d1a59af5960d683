import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '.';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('starts on defaults with the embedded Temporal dev server', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      PORT: 3000,
      dataDir: '/srv/app/data',
      dbFile: '/srv/app/data/loyalty.db',
      embeddedTemporal: true,
      temporalAddress: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      SEED_DEMO: true,
    });
  });

  it('uses an existing cluster when TEMPORAL_ADDRESS is set', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'loyalty-prod', TEMPORAL_TLS: 'true' });
    expect(config.embeddedTemporal).toBe(false);
    expect(config.temporalAddress).toBe('temporal.internal:7233');
    expect(config.TEMPORAL_TLS).toBe(true);
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: '', TEMPORAL_API_KEY: '' }).embeddedTemporal).toBe(true);
  });

  it('names the variable, the expected form and the wrong value', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(["PORT: expected a whole number from 1 to 65535, got 'abc'"]);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT: expected a whole number from 1 to 65535, got '70000'/);
    expect(problemsOf({ TEMPORAL_ADDRESS: 'http://x' })[0]).toMatch(/^TEMPORAL_ADDRESS: expected host:port/);
    expect(problemsOf({ SEED_DEMO: 'maybe' })[0]).toMatch(/^SEED_DEMO: expected true or false, got 'maybe'/);
    expect(problemsOf({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL: expected one of/);
  });

  it('reports every wrong variable at once', () => {
    expect(problemsOf({ PORT: '0', LOG_LEVEL: 'x', TEMPORAL_NAMESPACE: '!' })).toHaveLength(3);
  });

  it('checks combinations', () => {
    expect(problemsOf({ TEMPORAL_TLS_CERT_PATH: '/c.pem', TEMPORAL_ADDRESS: 'a:1' })[0]).toMatch(/set both/);
    expect(problemsOf({ TEMPORAL_API_KEY: 'k' })[0]).toMatch(/^TEMPORAL_ADDRESS: required/);
    expect(problemsOf({ TEMPORAL_DEV_PORT: '9000', TEMPORAL_UI_PORT: '9000' })[0]).toMatch(/^TEMPORAL_UI_PORT/);
  });

});
