import type { ActivityEvent } from './types';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const words = (v: unknown): string | undefined => str(v)?.toLowerCase().replace(/_/g, ' ');

/** The edge an event is about, when it is one (review and comment events). */
export function eventEdge(e: ActivityEvent): { regulator: string; target: string } | null {
  const regulator = str(e.details?.regulator);
  const target = str(e.details?.target);
  return regulator && target ? { regulator, target } : null;
}

function describeReview(e: ActivityEvent): string | undefined {
  const d = e.details ?? {};
  const edge = eventEdge(e);
  const on = edge ? ` ${edge.regulator} → ${edge.target}` : ' an edge';
  switch (e.action) {
    case 'review.verdict': {
      const verdict = words(d.verdict) ?? words(d.to);
      const reason = words(d.reason);
      if (verdict === 'accepted' || verdict === 'rejected') return `${verdict}${on}${reason ? ` (${reason})` : ''}`;
      return verdict ? `marked${on} as ${verdict}` : `gave a verdict on${on}`;
    }
    case 'review.withdraw':
      return `withdrew their verdict on${on}`;
    case 'review.settle': {
      const settled = words(d.settledStatus) ?? words(d.status);
      return `settled${on}${settled ? ` as ${settled}` : ''}${str(d.note) ? `: “${str(d.note)}”` : ''}`;
    }
    case 'review.unsettle':
      return `unsettled${on}`;
    case 'comment.add':
      return `commented on${on}`;
    case 'comment.edit':
      return `edited a comment on${on}`;
    case 'comment.delete':
      return `deleted a comment on${on}`;
    case 'comment.resolve':
      return `${d.resolved === false ? 'reopened' : 'resolved'} a thread on${on}`;
    case 'prior.version_from_reviews': {
      const n = typeof d.versionNumber === 'number' ? ` v${d.versionNumber}` : ' a version';
      return `committed${n}${str(d.priorName) ? ` of “${str(d.priorName)}”` : ''} from reviews`;
    }
  }
  return undefined;
}

/**
 * One readable line per audit event. Known actions get a sentence; actions added later by other parts of the
 * product still read sensibly ("dataset upload: expression.csv").
 */
export function describeEvent(e: ActivityEvent): string {
  const d = e.details ?? {};
  const email = str(d.email);
  const role = str(d.role);
  const review = describeReview(e);
  if (review) return review;
  switch (e.action) {
    case 'project.create':
      return `created the project${str(d.name) ? ` “${str(d.name)}”` : ''}`;
    case 'project.update': {
      const renamedTo = str((d.name as { to?: unknown } | undefined)?.to);
      const parts = [
        d.name ? `renamed the project${renamedTo ? ` to “${renamedTo}”` : ''}` : null,
        d.description ? 'changed the description' : null,
      ].filter(Boolean);
      return parts.join(' and ') || 'changed the project details';
    }
    case 'member.add':
      return `added ${email ?? 'a member'}${role ? ` as ${role}` : ''}`;
    case 'invitation.create':
      return `invited ${email ?? 'someone'}${role ? ` as ${role}` : ''}`;
    case 'invitation.accept':
      return `joined through an invitation${role ? ` as ${role}` : ''}`;
    case 'invitation.renew':
      return `made a new invitation link for ${email ?? 'someone'}`;
    case 'invitation.decline':
      return `declined an invitation${role ? ` as ${role}` : ''}`;
    case 'invitation.cancel':
      return `cancelled the invitation for ${email ?? 'someone'}`;
    case 'member.role_change':
      return `changed ${email ?? 'a member'}'s role${str(d.from) ? ` from ${str(d.from)}` : ''}${str(d.to) ? ` to ${str(d.to)}` : ''}`;
    case 'member.remove':
      return `removed ${email ?? 'a member'}`;
    case 'member.leave':
      return 'left the project';
    default: {
      const verb = e.action.replace(/[._]/g, ' ');
      const label = str(d.name) ?? str(d.email) ?? str(d.message);
      return label ? `${verb}: ${label}` : verb;
    }
  }
}
