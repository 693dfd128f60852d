'use client';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '../components/alerts';
import { SubmitButton } from '../components/submit-button';
import { TextField } from '../components/field';
import { graphql } from '../lib/graphql';
import { gql } from '../lib/graphql-client';
import { useFormSubmit } from '../lib/use-form-submit';

const UPDATE_ME = graphql(`mutation UpdateMe($name: String!) { updateMe(name: $name) { id name } }`);
const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { endedSessions }
  }
`);

/** Name and password; the email identifies the account (and its invitations) and stays as it is. */
export function AccountDetails({ name: initialName, email, hasPassword }: { name: string; email: string; hasPassword: boolean }) {
  return (
    <section className="card stack" aria-labelledby="details-heading">
      <h2 id="details-heading" className="card-heading">
        Details
      </h2>
      <dl className="details">
        <dt>Email</dt>
        <dd>{email}</dd>
      </dl>
      <NameForm initialName={initialName} />
      {hasPassword ? <PasswordForm /> : <p className="muted small">You sign in through single sign-on; there is no password to change here.</p>}
    </section>
  );
}

function NameForm({ initialName }: { initialName: string }) {
  const [name, setName] = useState(initialName);
  const { errors, notice: saved, busy, submit } = useFormSubmit(['name']);
  const onSubmit = submit(async () => {
    const { updateMe } = await gql(UPDATE_ME, { name });
    setName(updateMe.name);
    return 'Your name was changed.';
  });
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Change your name">
      <ErrorAlert>{errors.form}</ErrorAlert>
      <OkAlert>{saved}</OkAlert>
      <div className="form-row">
        <TextField label="Name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
        <div className="form-row-action">
          <SubmitButton busy={busy} primary={false}>
            Save name
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const { errors, notice: saved, busy, submit } = useFormSubmit(['currentPassword', 'newPassword']);
  const onSubmit = submit(async () => {
    const { changePassword } = await gql(CHANGE_PASSWORD, { currentPassword, newPassword });
    setCurrent('');
    setNew('');
    const others = changePassword.endedSessions;
    return `Your password was changed.${others ? ` ${others} other ${others === 1 ? 'session was' : 'sessions were'} signed out.` : ''}`;
  });
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h3 id="password-heading">Change password</h3>
      <p className="muted small">Every other browser signed in to this account is signed out.</p>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <OkAlert>{saved}</OkAlert>
      <TextField
        label="Current password"
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.fields.currentPassword}
      />
      <TextField
        label="New password"
        type="password"
        name="newPassword"
        autoComplete="new-password"
        hint="At least 8 characters."
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={errors.fields.newPassword}
      />
      <div>
        <SubmitButton busy={busy} busyLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
