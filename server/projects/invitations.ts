import { and, eq, isNull } from 'drizzle-orm';
import { invitations, memberships } from '@/db/schema';
import { recordAudit } from '../audit/service';
import type { Transaction } from '../context';

/** Turns a new account's pending invitations into memberships (inside its sign-up transaction). */
export async function claimInvitations(tx: Transaction, user: { id: string; email: string }): Promise<void> {
  const pending = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.email, user.email), isNull(invitations.acceptedAt)));
  for (const invitation of pending) {
    await tx
      .insert(memberships)
      .values({ projectId: invitation.projectId, userId: user.id, role: invitation.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      projectId: invitation.projectId,
      actorId: user.id,
      action: 'invitation.accept',
      objectType: 'membership',
      objectId: user.id,
      details: { email: user.email, role: invitation.role, invitationId: invitation.id },
    });
  }
}
