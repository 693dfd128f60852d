import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getViewerFromSession } from '@/server/auth/session';
import { env, oidcEnabled } from '@/server/env';
import { safeCallbackUrl } from '../lib/callback-url';
import { parseTooManyAttempts, tooManyAttemptsMessage } from '@/server/auth/throttle-response';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

/** next-auth sends these codes back in ?error=; say what happened in words. */
const signInErrors: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  OidcEmailMissing: 'Your sign-on provider did not share an email address, so we cannot match you to an account.',
  OAuthSignin: 'Could not start single sign-on. Try again, or sign in with your email and password.',
  OAuthCallback: 'Single sign-on did not complete. Try again.',
  OAuthAccountNotLinked: 'This email already belongs to an account that signs in another way.',
  SessionRequired: 'Sign in to continue.',
  AccessDenied: 'Sign-in was refused.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewerFromSession()) redirect(callbackUrl);
  const code = typeof params.error === 'string' ? params.error : undefined;
  const wait = parseTooManyAttempts(code);
  const initialError = wait !== null ? tooManyAttemptsMessage(wait) : code ? (signInErrors[code] ?? 'Sign-in failed. Try again.') : undefined;
  return (
    <div className="page-narrow">
      <h1>Sign in to GRN Studio</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} oidc={oidcEnabled() ? { name: env.OIDC_NAME } : null} />
    </div>
  );
}
