import type { ActivityEvent } from './types';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * One readable line per audit event. Known actions get a sentence; actions added later by other parts of the
 * product still read sensibly ("dataset upload: expression.csv").
 */
export function describeEvent(e: ActivityEvent): string {
  const d = e.details ?? {};
  const email = str(d.email);
  const role = str(d.role);
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
