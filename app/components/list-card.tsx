import type { ReactNode } from 'react';
import { formatRelative } from '../lib/format';
import { Loading } from './alerts';

interface ListCardProps<T> {
  /** `undefined` while loading. */
  items: readonly T[] | undefined;
  /** A load error: the list then shows neither "loading" nor its empty state (the page shows the error). */
  failed?: boolean;
  /** "Loading {loadingWhat}…" */
  loadingWhat: string;
  /** Shown when the list is loaded and has no items (usually an `EmptyState`). */
  empty: ReactNode;
  /** The header cells (`<th scope="col">`). */
  head: ReactNode;
  /** One `<tr>` an item, with its key. */
  row: (item: T) => ReactNode;
  tableClassName?: string;
  /** The table's accessible name, where no heading names it. */
  label?: string;
  /** Inside a card already: the table without a card of its own. */
  bare?: boolean;
}

/** A loaded list as a table in a card: loading, empty and filled, the same on every list page. */
export function ListCard<T>({ items, failed, loadingWhat, empty, head, row, tableClassName, label, bare }: ListCardProps<T>) {
  if (items === undefined) return failed ? null : <Loading what={loadingWhat} />;
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className={bare ? 'table-wrap' : 'card table-wrap'}>
      <table className={tableClassName ? `table ${tableClassName}` : 'table'} aria-label={label}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{items.map(row)}</tbody>
      </table>
    </div>
  );
}

/** When and by whom a listed thing was made; an account that is gone reads "former member". */
export function CreatedCell({ at, by, className = 'small' }: { at: string; by: string | null; className?: string }) {
  return (
    <td className={className}>
      {formatRelative(at)}
      <div className="muted">{by ?? 'former member'}</div>
    </td>
  );
}
