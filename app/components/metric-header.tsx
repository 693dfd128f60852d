import { METRIC_COLUMNS, type MetricKey } from '@/app/lib/metric-columns';

/** A metric's table header: its short name, the long one as a tooltip (app/lib/metric-columns.ts). */
export function MetricHeader({ metric, className = 'num' }: { metric: MetricKey; className?: string }) {
  const column = METRIC_COLUMNS[metric];
  return (
    <th scope="col" className={className} title={column.short === column.long ? undefined : column.long}>
      {column.short}
    </th>
  );
}
