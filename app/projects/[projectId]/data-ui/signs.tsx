/** Edge signs shown the same way everywhere: colour and a word, never colour alone. */
export function SignBadge({ sign }: { sign: number }) {
  if (sign > 0) return <span className="badge badge-ok">activates</span>;
  if (sign < 0) return <span className="badge badge-danger">represses</span>;
  return <span className="badge">unknown</span>;
}

export const SIGN_OPTIONS = [
  { value: '1', label: 'Activates (+1)' },
  { value: '-1', label: 'Represses (−1)' },
  { value: '0', label: 'Unknown (0)' },
] as const;
