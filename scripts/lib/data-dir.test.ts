import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseLegacyPglite } from './data-dir';

describe('refuseLegacyPglite', () => {
  it('refuses a data folder from the PGlite version with the steps to carry its data over', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-legacy-'));
    fs.mkdirSync(path.join(dir, 'pglite'));
    fs.writeFileSync(path.join(dir, 'pglite', 'PG_VERSION'), '17\n');
    expect(() => refuseLegacyPglite(dir)).toThrow(/earlier GRN Studio \(PGlite\)[\s\S]*pg_dump --data-only[\s\S]*npm run db:import/);
    fs.mkdirSync(path.join(dir, 'pg'));
    fs.writeFileSync(path.join(dir, 'pg', 'PG_VERSION'), '18\n');
    expect(() => refuseLegacyPglite(dir)).not.toThrow();
    fs.rmSync(dir, { recursive: true });
  });

  it('lets a new or already converted folder start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grn-legacy-'));
    expect(() => refuseLegacyPglite(dir)).not.toThrow();
    fs.rmSync(dir, { recursive: true });
  });
});
