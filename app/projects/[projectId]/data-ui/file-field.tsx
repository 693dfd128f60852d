'use client';
import { useId, type ReactNode } from 'react';

export interface ChosenFile {
  name: string;
  file: File;
  bytes: number;
}

/**
 * A file input whose file is sent as it is, by the streamed upload (`gqlUpload`, POST /api/uploads),
 * not read into a string in the browser. Errors from the server (with line and column) show under it.
 */
export function FileField({
  label,
  hint,
  error,
  file,
  onFile,
  accept = '.csv,.tsv,.txt,.sif',
  required,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  file: ChosenFile | null;
  onFile: (file: ChosenFile | null) => void;
  accept?: string;
  required?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="muted small"> (optional)</span>}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (!chosen) return onFile(null);
          onFile({ name: chosen.name, file: chosen, bytes: chosen.size });
        }}
      />
      {file ? <span className="hint">{`${file.name}, ${formatBytes(file.bytes)}`}</span> : null}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
