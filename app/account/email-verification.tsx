'use client';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '../components/alerts';
import { errorMessage } from '../lib/form-errors';
import { gql } from '../lib/graphql-client';
import { graphql } from '../lib/graphql';

const RESEND = graphql(`mutation ResendVerification { resendVerificationEmail }`);

/** Shown while the address is unverified: what that blocks, and a new link on request. */
export function EmailVerification() {
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function resend() {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const { resendVerificationEmail: sent } = await gql(RESEND);
      setNotice(sent ? 'A new link is on its way; the earlier one no longer works.' : 'Your address is verified already; reload the page.');
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  }
  return (
    <div className="alert alert-warning stack" role="status" data-testid="email-unverified">
      <p>Your email address is not verified yet. Open the link we emailed you; until then you cannot accept invitations or invite others.</p>
      <ErrorAlert>{error}</ErrorAlert>
      <OkAlert>{notice}</OkAlert>
      <div>
        <button type="button" className="btn" onClick={resend} disabled={busy}>
          {busy ? 'Sending…' : 'Send a new link'}
        </button>
      </div>
    </div>
  );
}
