import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to PGlite under ./data on port 8080 with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, databaseUrl: undefined, seedDemo: true, env: 'demo' });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.keyDir).toBe(path.resolve('data', 'keys'));
  });

  it('never seeds demo users in production unless told to', () => {
    expect(loadConfig({ LANTERN_ENV: 'production' }).seedDemo).toBe(false);
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://nope' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://nope' })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:/,
    );
  });
});
