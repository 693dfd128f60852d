import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import type { Transaction } from '../context';

type Executor = Pick<Database, 'execute'> | Pick<Transaction, 'execute'>;

/**
 * pg-boss runs its SQL through whatever `executeSql` it is given. Handing it the service's drizzle
 * database (or an open transaction) lets a run row and its job be written in one transaction, and lets
 * the queue use exactly the database the caller uses.
 */
export function bossExecutor(executor: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await executor.execute(toDrizzleSql(text, values ?? []));
      return { rows: (result as unknown as { rows: unknown[] }).rows };
    },
  };
}

/** `$1 … $n` placeholders become drizzle parameters (drizzle renumbers them; repeats are fine). */
export function toDrizzleSql(text: string, values: readonly unknown[]): SQL {
  if (values.length === 0) return sql.raw(text);
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (parts[i]) chunks.push(sql.raw(parts[i]));
    } else {
      const index = Number(parts[i]) - 1;
      if (index < 0 || index >= values.length) throw new Error(`Placeholder $${parts[i]} has no value`);
      chunks.push(sql`${sql.param(values[index])}`);
    }
  }
  return sql.join(chunks);
}
