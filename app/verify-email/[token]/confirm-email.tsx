'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '@/app/components/alerts';
import { errorMessage } from '@/app/lib/form-errors';
import { gql } from '@/app/lib/graphql-client';
import { graphql } from '@/app/lib/graphql';

const VERIFY = graphql(`mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }`);

export function ConfirmEmail({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await gql(VERIFY, { token });
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  }
  return (
    <div className="card stack">
      <ErrorAlert>{error}</ErrorAlert>
      {done ? (
        <>
          <OkAlert>Your email address is confirmed. You can now accept invitations and invite others.</OkAlert>
          <Link className="btn btn-primary" href="/projects">
            Go to your projects
          </Link>
        </>
      ) : (
        <>
          <p>Confirm that this address is yours, so that you can join projects you are invited to.</p>
          <button type="button" className="btn btn-primary" onClick={confirm} disabled={busy}>
            {busy ? 'Confirming…' : 'Confirm my address'}
          </button>
        </>
      )}
    </div>
  );
}
