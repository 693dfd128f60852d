import type { ServiceContext, Viewer } from '@/server/context';
import { acceptInvitation } from '@/server/projects/invitations';
import { inviteMember } from '@/server/projects/members';
import type { Harness } from './harness';

/** Makes `member` a member the only way there is: the owner invites, the member accepts through the link. */
export async function joinProject(h: Harness, owner: ServiceContext, projectId: string, member: Viewer, role: 'owner' | 'editor' | 'viewer'): Promise<void> {
  const { invitationPath } = await inviteMember(owner, { projectId, email: member.email, role });
  await acceptInvitation(h.context(member), invitationPath.replace('/invite/', ''));
}
