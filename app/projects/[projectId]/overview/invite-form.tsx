'use client';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { SubmitButton } from '@/app/components/submit-button';
import { SelectField, TextField } from '@/app/components/field';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { useFormSubmit } from '@/app/lib/use-form-submit';
import { ROLE_OPTIONS, type ProjectRole } from '@/app/lib/roles';

const INVITE = graphql(`
  mutation InviteMember($projectId: ID!, $email: String!, $role: ProjectRole!) {
    inviteMember(projectId: $projectId, email: $email, role: $role) { id status email invitationPath expiresAt }
  }
`);

export interface IssuedLink {
  email: string;
  url: string;
  expiresAt: string;
}

/** The link to hand on, from inviteMember's answer (the only answer that carries the one-time path). */
export function issuedLink(invitation: { email: string; invitationPath: string | null; expiresAt: string | null }): IssuedLink {
  if (!invitation.invitationPath || !invitation.expiresAt) throw new Error('The server answered without an invitation link. Invite again.');
  return {
    email: invitation.email,
    url: new URL(invitation.invitationPath, window.location.origin).toString(),
    expiresAt: invitation.expiresAt,
  };
}

export function InviteForm({ projectId, onInvited }: { projectId: string; onInvited: (link: IssuedLink) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('viewer');
  const { errors, busy, submit } = useFormSubmit(['email', 'role']);

  const onSubmit = submit(async () => {
    const { inviteMember } = await gql(INVITE, { projectId, email, role });
    // Keep what was typed meanwhile; clear only the address that was just invited.
    setEmail((current) => (current === email ? '' : current));
    await onInvited(issuedLink(inviteMember));
  });

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
          <SubmitButton busy={busy} busyLabel="Inviting…">
            Invite
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
