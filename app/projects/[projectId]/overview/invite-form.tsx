'use client';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { SelectField, TextField } from '@/app/components/field';
import { gql } from '@/app/lib/graphql-client';
import { noErrors, toFormErrors, type FormErrors } from '@/app/lib/form-errors';
import { ROLE_OPTIONS, type ProjectRole } from '@/app/lib/roles';

const INVITE = /* GraphQL */ `
  mutation InviteMember($projectId: ID!, $email: String!, $role: ProjectRole!) {
    inviteMember(projectId: $projectId, email: $email, role: $role) { id status email invitationPath expiresAt }
  }
`;

export interface IssuedLink {
  email: string;
  url: string;
  expiresAt: string;
}

export function InviteForm({ projectId, onInvited }: { projectId: string; onInvited: (link: IssuedLink) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('viewer');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    setBusy(true);
    try {
      const { inviteMember } = await gql<{ inviteMember: { email: string; invitationPath: string; expiresAt: string } }>(INVITE, {
        projectId,
        email,
        role,
      });
      // Keep what was typed meanwhile; clear only the address that was just invited.
      setEmail((current) => (current === email ? '' : current));
      await onInvited({
        email: inviteMember.email,
        url: new URL(inviteMember.invitationPath, window.location.origin).toString(),
        expiresAt: inviteMember.expiresAt,
      });
    } catch (error) {
      setErrors(toFormErrors(error, ['email', 'role']));
    }
    setBusy(false);
  }

  return (
    <form className="stack invite-form" onSubmit={onSubmit} noValidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite a member</h3>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <div className="form-row">
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as ProjectRole)}
          options={ROLE_OPTIONS}
          error={errors.fields.role}
        />
        <div className="form-row-action">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite'}
          </button>
        </div>
      </div>
    </form>
  );
}
