'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ErrorAlert, Loading, OkAlert } from '@/app/components/alerts';
import { errorMessage } from '@/app/lib/form-errors';
import { formatDate } from '@/app/lib/format';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { roleLabel } from '@/app/lib/roles';

const PREVIEW = graphql(`
  query Invitation($token: String!) { invitation(token: $token) { projectName role invitedByName email expiresAt status alreadyMember } }
`);
const ACCEPT = graphql(`mutation Accept($token: String!) { acceptInvitation(token: $token) { id } }`);
const DECLINE = graphql(`mutation Decline($token: String!) { declineInvitation(token: $token) }`);

type Preview = ResultOf<typeof PREVIEW>['invitation'];

const closed: Record<Exclude<Preview['status'], 'open'>, string> = {
  accepted: 'This invitation was already used. Ask the project owner for a new link if you need one.',
  declined: 'This invitation was declined. Ask the project owner for a new link if you changed your mind.',
  cancelled: 'The project owner cancelled this invitation.',
  expired: 'This invitation expired. Ask the project owner for a new link.',
};

export function AnswerInvitation({ token, viewerEmail }: { token: string; viewerEmail: string }) {
  const [preview, setPreview] = useState<Preview | null>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ message: string; projectId?: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    gql(PREVIEW, { token })
      .then((d) => setPreview(d.invitation))
      .catch((e: unknown) => {
        setPreview(null);
        setError(errorMessage(e));
      });
  }, [token]);

  async function answer(accept: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      if (accept) {
        const { acceptInvitation } = await gql(ACCEPT, { token });
        setDone({ message: `You joined ${preview?.projectName}.`, projectId: acceptInvitation.id });
      } else {
        await gql(DECLINE, { token });
        setDone({ message: 'You declined the invitation.' });
      }
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  }

  if (preview === undefined) return <Loading what="the invitation" />;
  if (done) {
    return (
      <div className="card stack">
        <OkAlert>{done.message}</OkAlert>
        <Link className="btn btn-primary" href={done.projectId ? `/projects/${done.projectId}` : '/'}>
          {done.projectId ? 'Open the project' : 'Your projects'}
        </Link>
      </div>
    );
  }
  if (!preview) return <ErrorAlert>{error}</ErrorAlert>;
  return (
    <div className="card stack">
      <ErrorAlert>{error}</ErrorAlert>
      <p>
        {preview.invitedByName ?? 'A project owner'} invites you to <strong>{preview.projectName}</strong> as{' '}
        <strong>{roleLabel(preview.role).toLowerCase()}</strong>.
      </p>
      {preview.email !== viewerEmail.toLowerCase() ? (
        <p className="muted small">
          It was sent to {preview.email}; you are signed in as {viewerEmail}. Accepting adds this account.
        </p>
      ) : null}
      {preview.status !== 'open' ? (
        <ErrorAlert>{closed[preview.status]}</ErrorAlert>
      ) : preview.alreadyMember ? (
        <p>You are already a member of this project; the invitation is left for its recipient.</p>
      ) : (
        <>
          {preview.expiresAt ? <p className="muted small">The link works until {formatDate(preview.expiresAt)}.</p> : null}
          <div className="row">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void answer(true)}>
              Accept and join
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void answer(false)}>
              Decline
            </button>
          </div>
        </>
      )}
    </div>
  );
}
