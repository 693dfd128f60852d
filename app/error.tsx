'use client';

/** Shown when a page fails unexpectedly; the server has logged the cause. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page-narrow">
      <h1>Something went wrong</h1>
      <p className="muted">
        The page could not be shown.
        {error.digest ? (
          <>
            {' '}
            Reference: <code>{error.digest}</code>.
          </>
        ) : null}
      </p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
