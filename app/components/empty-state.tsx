import type { ReactNode } from 'react';

/** What a list shows when it has nothing yet: the fact, then (muted) what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="card empty">
      <p>{title}</p>
      {children ? <p className="muted small">{children}</p> : null}
    </div>
  );
}
