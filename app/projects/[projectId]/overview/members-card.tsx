'use client';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '@/app/components/alerts';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { formatDate } from '@/app/lib/format';
import { ROLE_OPTIONS, roleBadgeClass, roleLabel, type ProjectRole } from '@/app/lib/roles';
import { InviteForm, issuedLink, type IssuedLink } from './invite-form';
import type { Member, ProjectOverview } from './types';

const CHANGE_ROLE = graphql(`
  mutation ChangeMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {
    changeMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }
  }
`);
const REMOVE_MEMBER = graphql(`
  mutation RemoveMember($projectId: ID!, $userId: ID!) { removeMember(projectId: $projectId, userId: $userId) }
`);
const RENEW = graphql(`
  mutation RenewInvitation($projectId: ID!, $email: String!, $role: ProjectRole!) {
    inviteMember(projectId: $projectId, email: $email, role: $role) { id email invitationPath expiresAt }
  }
`);
const CANCEL_INVITATION = graphql(`
  mutation CancelInvitation($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) }
`);

interface Props {
  project: ProjectOverview;
  /** The caller leaves through "Leave project" rather than removing their own row. */
  myUserId: string | null;
  onChanged: () => Promise<void>;
}

export function MembersCard({ project, myUserId, onChanged }: Props) {
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [link, setLink] = useState<IssuedLink>();
  const manage = project.myRole === 'owner';
  const active = project.members.filter((m) => m.status === 'active');
  const pending = project.members.filter((m) => m.status === 'pending');

  /** Runs one change; its outcome is announced at the top of the card. */
  async function act(run: () => Promise<unknown>, done: string) {
    setError(undefined);
    setNotice(undefined);
    setLink(undefined);
    try {
      await run();
      await onChanged();
      setNotice(done);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card stack" aria-labelledby="members-heading">
      <h2 id="members-heading" className="card-heading">
        Members <span className="muted small">({active.length})</span>
      </h2>
      <ErrorAlert>{error}</ErrorAlert>
      <OkAlert>{notice}</OkAlert>
      {link ? <InvitationLink link={link} /> : null}
      <div className="table-wrap">
        <table className="table" aria-labelledby="members-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col" className="hide-narrow">
                Since
              </th>
              {manage ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {active.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                manage={manage}
                isMe={m.id === myUserId}
                onChangeRole={(role) =>
                  act(() => gql(CHANGE_ROLE, { projectId: project.id, userId: m.id, role }), `${m.name ?? m.email} is now ${roleLabel(role).toLowerCase()}.`)
                }
                onRemove={() => {
                  if (!window.confirm(`Remove ${m.name ?? m.email} from ${project.name}?`)) return;
                  void act(() => gql(REMOVE_MEMBER, { projectId: project.id, userId: m.id }), `${m.name ?? m.email} was removed.`);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {pending.length > 0 ? (
        <>
          <h3 id="pending-heading">Pending invitations</h3>
          <p className="muted small">
            They join once they accept through their invitation link, signed in with any account. A link is shown once, when it is made; make a new one if it
            was lost (the old one then stops working).
          </p>
          <div className="table-wrap">
            <table className="table" aria-labelledby="pending-heading">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col" className="hide-narrow">
                    Invited
                  </th>
                  <th scope="col">Link</th>
                  {manage ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {pending.map((m) => (
                  <tr key={m.id}>
                    <td>{m.email}</td>
                    <td>
                      <span className={roleBadgeClass(m.role)}>{roleLabel(m.role)}</span>
                    </td>
                    <td className="hide-narrow">{formatDate(m.since)}</td>
                    <td className="small">{linkState(m.expiresAt)}</td>
                    {manage ? (
                      <td className="actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={`Make a new invitation link for ${m.email}`}
                          onClick={() =>
                            void act(async () => {
                              const { inviteMember } = await gql(RENEW, {
                                projectId: project.id,
                                email: m.email,
                                role: m.role,
                              });
                              setLink(issuedLink(inviteMember));
                            }, `A new link for ${m.email}; the old one no longer works.`)
                          }
                        >
                          New link
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          aria-label={`Cancel the invitation for ${m.email}`}
                          onClick={() => void act(() => gql(CANCEL_INVITATION, { invitationId: m.id }), `The invitation for ${m.email} was cancelled.`)}
                        >
                          Cancel
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {manage ? (
        <InviteForm
          projectId={project.id}
          onInvited={async (issued) => {
            await onChanged();
            setError(undefined);
            setNotice(`${issued.email} is invited. They join once they accept through this link.`);
            setLink(issued);
          }}
        />
      ) : null}
    </section>
  );
}

function linkState(expiresAt: string | null): string {
  if (!expiresAt) return 'no link: make a new one';
  return new Date(expiresAt).getTime() <= Date.now() ? 'expired: make a new one' : `valid until ${formatDate(expiresAt)}`;
}

/** The link is shown once (only its hash is stored): the owner copies it and sends it to the person. */
function InvitationLink({ link }: { link: IssuedLink }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert alert-info stack" role="group" aria-label="Invitation link">
      <p className="small">
        Send this link to {link.email}. It works once, until {formatDate(link.expiresAt)}, and is shown only now.
      </p>
      <div className="row row-tight">
        <input style={{ flex: 1, minWidth: 0 }} readOnly value={link.url} aria-label={`Invitation link for ${link.email}`} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            await navigator.clipboard?.writeText(link.url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}

function MemberRow({
  member,
  manage,
  isMe,
  onChangeRole,
  onRemove,
}: {
  member: Member;
  manage: boolean;
  isMe: boolean;
  onChangeRole: (role: ProjectRole) => Promise<void>;
  onRemove: () => void;
}) {
  const [role, setRole] = useState<ProjectRole>(member.role);
  const [busy, setBusy] = useState(false);
  const who = member.name ?? member.email;
  return (
    <tr>
      <td>
        {member.name ?? <span className="muted">—</span>}
        {isMe ? <span className="muted small"> (you)</span> : null}
      </td>
      <td className="break">{member.email}</td>
      <td>
        {manage ? (
          <div className="row row-tight">
            <select aria-label={`Role of ${who}`} value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
              {ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {roleLabel(o.value)}
                </option>
              ))}
            </select>
            {role !== member.role ? (
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  await onChangeRole(role);
                  setBusy(false);
                }}
              >
                Save role
              </button>
            ) : null}
          </div>
        ) : (
          <span className={roleBadgeClass(member.role)}>{roleLabel(member.role)}</span>
        )}
      </td>
      <td className="hide-narrow">{formatDate(member.since)}</td>
      {manage ? (
        <td className="actions">
          {isMe ? null : (
            <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${who}`} onClick={onRemove}>
              Remove
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
