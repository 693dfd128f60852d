'use client';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/alerts';
import { TextField } from '../components/field';
import { parseTooManyAttempts, tooManyAttemptsMessage } from '@/server/auth/throttle-response';
import { useHydrated } from '../lib/use-hydrated';

interface Props {
  callbackUrl: string;
  initialError?: string;
  oidc: { name: string } | null;
}

export function SignInForm({ callbackUrl, initialError, oidc }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | undefined>(initialError);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : 'Enter your email address.',
      password: password ? undefined : 'Enter your password.',
    };
    setFieldErrors(missing);
    setFormError(undefined);
    if (missing.email || missing.password) return;
    setBusy(true);
    const result = await signIn('credentials', { email: email.trim(), password, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full load so the server-rendered top bar shows the signed-in user.
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    const wait = parseTooManyAttempts(result?.error);
    if (wait !== null) setFormError(tooManyAttemptsMessage(wait));
    else if (result?.error === 'CredentialsSignin') setFieldErrors({ password: 'Wrong email or password.' });
    else setFormError('Could not sign in right now. Try again in a moment.');
  }

  return (
    <div className="card stack">
      <ErrorAlert>{formError}</ErrorAlert>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !hydrated}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oidc ? (
        <>
          <div className="divider" role="separator">
            <span>or</span>
          </div>
          <button
            type="button"
            className="btn btn-block"
            onClick={() => {
              setBusy(true);
              void signIn('oidc', { callbackUrl });
            }}
            disabled={busy || !hydrated}
          >
            Sign in with {oidc.name}
          </button>
        </>
      ) : null}
      <p className="muted small">
        New to GRN Studio? Create an account; your projects page then offers your own copy of the demo project.{' '}
        <Link href={`/signup${callbackUrl !== '/' ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}>Create an account</Link>
      </p>
    </div>
  );
}
