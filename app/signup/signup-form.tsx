'use client';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/alerts';
import { TextField } from '../components/field';
import { graphql } from '../lib/graphql';
import { gql } from '../lib/graphql-client';
import { noErrors, toFormErrors, type FormErrors } from '../lib/form-errors';
import { useHydrated } from '../lib/use-hydrated';

const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { id email name }
  }
`);

const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    setBusy(true);
    try {
      await gql(SIGN_UP, { input: values });
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
      setBusy(false);
      return;
    }
    const result = await signIn('credentials', { email: values.email.trim(), password: values.password, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    setErrors({ form: 'Your account was created, but signing in failed. Try signing in.', fields: {} });
  }

  return (
    <div className="card stack">
      <ErrorAlert>{errors.form}</ErrorAlert>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <TextField label="Name" name="name" autoComplete="name" value={values.name} onChange={set('name')} error={errors.fields.name} autoFocus />
        <TextField label="Email" type="email" name="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.fields.email} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !hydrated}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="muted small">
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </div>
  );
}
