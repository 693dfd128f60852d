import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';

let embedded: EmbeddedPostgres;
let pools: pg.Pool[];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir: null });
  pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: embedded.url, max: 3 }));
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await embedded.stop();
});

it('keeps each connection’s parameterised queries whole when many connections query at once', async () => {
  // Different parameter counts per connection: an interleaved Bind would fail or return another's row.
  const queries = Array.from({ length: 120 }, (_, i) => {
    const values = Array.from({ length: (i % 4) + 1 }, (_, k) => i * 10 + k);
    const text = `select ${values.map((_, k) => `$${k + 1}::int`).join(' + ')} as total`;
    return { pool: pools[i % 3], text, values, expected: values.reduce((a, b) => a + b, 0) };
  });
  // Simple-protocol statements (BEGIN, COMMIT) from other connections reset the session's unnamed statement.
  const transactions = Array.from({ length: 40 }, async (_, i) => {
    const client = await pools[i % 3].connect();
    try {
      await client.query('begin');
      await client.query('select $1::text as t', [`tx${i}`]);
      await client.query('commit');
    } finally {
      client.release();
    }
  });
  const results = await Promise.all(queries.map((q) => q.pool.query(q.text, q.values)));
  await Promise.all(transactions);
  expect(results.map((r) => r.rows[0].total)).toEqual(queries.map((q) => q.expected));
});

it('keeps serving every connection after a query fails', async () => {
  await expect(pools[0].query('select $1::int / 0 as boom', [1])).rejects.toThrow(/division by zero/);
  const after = await Promise.all(pools.map((p, i) => p.query('select $1::int as v', [i])));
  expect(after.map((r) => r.rows[0].v)).toEqual([0, 1, 2]);
});
