import type { Metadata } from 'next';
import Link from 'next/link';
import { getViewerFromSession } from '@/server/auth/session';
import { AnswerInvitation } from './answer-invitation';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

/** The page an invitation link opens: signed-out visitors sign in or sign up first, then come back here. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const here = `/invite/${encodeURIComponent(token)}`;
  const viewer = await getViewerFromSession();
  if (!viewer) {
    const back = `?callbackUrl=${encodeURIComponent(here)}`;
    return (
      <div className="page-narrow">
        <h1>You are invited to a project</h1>
        <div className="card stack">
          <p>Sign in, or create an account, to see the invitation and accept or decline it. Any account will do.</p>
          <div className="row">
            <Link className="btn btn-primary" href={`/signin${back}`}>
              Sign in
            </Link>
            <Link className="btn" href={`/signup${back}`}>
              Create an account
            </Link>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <h1>Invitation</h1>
      <AnswerInvitation token={token} viewerEmail={viewer.email} />
    </div>
  );
}
