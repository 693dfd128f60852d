import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getViewerFromSession } from '@/server/auth/session';
import { safeCallbackUrl } from '../lib/callback-url';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getViewerFromSession()) redirect(callbackUrl);
  return (
    <div className="page-narrow">
      <h1>Create your account</h1>
      <p className="muted">Invitations sent to your email address are waiting for you once you sign up.</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
