'use client';
import { useEffect, useRef, useState } from 'react';

/** The secret exists only in this response: shown once, with a copy button, never again. */
export function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="alert alert-ok stack" role="region" aria-labelledby="new-token-heading" tabIndex={-1} ref={boxRef}>
      <h3 id="new-token-heading" className="card-heading">
        Token “{name}” created
      </h3>
      <p className="small">Copy it now: it will not be shown again.</p>
      <div className="row">
        <input ref={inputRef} type="text" className="mono secret-input" readOnly value={secret} aria-label="New API token" onFocus={(e) => e.target.select()} />
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="small" role="status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the token is selected, press Ctrl+C.' : ''}
      </p>
    </div>
  );
}
