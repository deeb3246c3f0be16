import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to PGlite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.engine).toBe('pglite');
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('honours PORT, DATA_DIR and DATABASE_URL', () => {
    const c = loadConfig({
      PORT: '4100',
      DATA_DIR: '/tmp/oselia-x',
      DATABASE_URL: 'postgres://u:secret@db:5432/oselia',
    });
    expect(c.port).toBe(4100);
    expect(c.dataDir).toBe('/tmp/oselia-x');
    expect(c.database).toEqual({ engine: 'postgres', url: 'postgres://u:secret@db:5432/oselia' });
    expect(describeDatabase(c)).not.toContain('secret');
  });

  it('refuses a malformed DATABASE_URL or PORT in one readable line', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: must look like postgres:/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
