import type { ReactNode } from 'react';

/** A form's submit button: disabled while the form is busy (or `disabled`), saying `busyLabel` meanwhile. */
export function SubmitButton({
  busy,
  busyLabel,
  disabled = false,
  primary = true,
  children,
}: {
  busy: boolean;
  busyLabel?: string;
  disabled?: boolean;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={primary ? 'btn btn-primary' : 'btn'} disabled={busy || disabled}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
