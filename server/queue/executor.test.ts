import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { toDrizzleSql } from './executor';

const dialect = new PgDialect();

describe('toDrizzleSql', () => {
  it('turns pg-boss placeholders into parameters, keeping arrays and repeats as single values', () => {
    const query = dialect.sqlToQuery(toDrizzleSql('UPDATE t SET a = $2 WHERE id IN (SELECT UNNEST($1::uuid[])) AND b = $2', [['x', 'y'], 7]));
    expect(query.sql).toBe('UPDATE t SET a = $1 WHERE id IN (SELECT UNNEST($2::uuid[])) AND b = $3');
    expect(query.params).toEqual([7, ['x', 'y'], 7]);
  });

  it('passes statements without values through untouched (function bodies may contain $$)', () => {
    const text = 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql';
    expect(dialect.sqlToQuery(toDrizzleSql(text, [])).sql).toBe(text);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => toDrizzleSql('SELECT $3', [1])).toThrow(/\$3 has no value/);
  });
});
