import { sql, type SQL } from 'drizzle-orm';

type Executor = { execute(query: SQL): Promise<unknown> };

export interface BulkColumn<Row> {
  name: string;
  /** PostgreSQL array type of the column's values, e.g. `text[]`. */
  type: 'text[]' | 'smallint[]' | 'double precision[]' | 'uuid[]';
  value(row: Row): string | number | null;
}

/**
 * Inserts many rows as `insert … select * from unnest($1::text[], $2::…[])`: one parameter per column
 * instead of one per value, so PostgreSQL parses a few arrays rather than a statement with tens of
 * thousands of placeholders (a 500,000-edge prior went from minutes to seconds). Batches keep each
 * statement's memory bounded and let other requests run on the event loop between them.
 */
export async function bulkInsert<Row>(tx: Executor, table: string, columns: BulkColumn<Row>[], rows: readonly Row[], batchSize = 20_000): Promise<void> {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const arrays = columns.map((c) => sql`${sql.param(batch.map(c.value))}::${sql.raw(c.type)}`);
    await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
    // Let waiting requests (other users) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
