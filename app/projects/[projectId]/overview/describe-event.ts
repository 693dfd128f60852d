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

const quoted = (v: unknown): string => (str(v) ? ` “${str(v)}”` : '');

/** Runs, sweeps, data and priors: each sentence names its object, so a list of them says what happened to what. */
function describeObjectEvent(e: ActivityEvent): string | undefined {
  const d = e.details ?? {};
  const version = typeof d.number === 'number' ? `v${d.number}` : 'a version';
  switch (e.action) {
    case 'run.launch':
      return `launched run${quoted(d.name)}${str(d.strategy) ? ` (${str(d.strategy)})` : ''}`;
    case 'run.relaunch':
      return `relaunched a run as${quoted(d.name) || ' a new run'}`;
    case 'run.cancel':
      return `cancelled run${quoted(d.name)}${d.statusAfter === 'running' ? ' (stopping)' : ''}`;
    case 'run.import_demo':
      return `imported demo run${quoted(d.name)}`;
    case 'sweep.launch':
      return `launched sweep${quoted(d.name)}${typeof d.runs === 'number' ? ` of ${d.runs} runs` : ''}`;
    case 'dataset.upload':
      return `uploaded dataset${quoted(d.name)}`;
    case 'dataset.delete':
      return `deleted dataset${quoted(d.name)}`;
    case 'gold_standard.import':
      return `imported gold standard${quoted(d.name)}${typeof d.edgeCount === 'number' ? ` (${d.edgeCount} edges)` : ''}`;
    case 'synthetic_benchmark.create':
      return `queued synthetic benchmark${quoted(d.name)}`;
    case 'synthetic_benchmark.store':
      return `stored synthetic benchmark${quoted(d.name)} (dataset and true network)`;
    case 'gold_standard.delete':
      return `deleted gold standard${quoted(d.name)}`;
    case 'prior.import':
      return `imported prior network${quoted(d.name)}${typeof d.edgeCount === 'number' ? ` (${d.edgeCount} edges)` : ''}`;
    case 'prior.delete':
      return `deleted prior network${quoted(d.name)}`;
    case 'prior.version_create':
      if (d.kind === 'revert') {
        const to = typeof d.revertedTo === 'number' ? `v${d.revertedTo}` : 'an earlier version';
        return `reverted prior network${quoted(d.prior)} to ${to} (saved as ${version})`;
      }
      return `saved ${version} of prior network${quoted(d.prior)}${str(d.message) ? `: “${str(d.message)}”` : ''}`;
  }
  return undefined;
}

/** Where an event's object can be seen; null when it was deleted or has no page. */
export function eventHref(e: ActivityEvent, projectId: string): string | null {
  const base = `/projects/${projectId}`;
  const edge = eventEdge(e);
  if (edge) return `${base}/reviews?edge=${encodeURIComponent(`${edge.regulator}>${edge.target}`)}`;
  if (e.action.endsWith('.delete')) return null;
  const priorId = str(e.details?.priorId);
  if (priorId) return `${base}/priors/${priorId}`;
  const id = e.objectId;
  if (!id) return null;
  switch (e.objectType) {
    case 'run':
      return `${base}/runs/${id}`;
    case 'sweep':
      return `${base}/runs`;
    case 'dataset':
      return `${base}/datasets/${id}`;
    case 'gold_standard':
      return `${base}/gold-standards/${id}`;
    case 'prior_network':
      return `${base}/priors/${id}`;
    case 'synthetic_benchmark':
      return `${base}/datasets/synthetic`;
  }
  return null;
}

/**
 * One readable line per audit event. Known actions get a sentence; actions added later by other parts of the
 * product still read sensibly ("dataset upload: expression.csv").
 */
export function describeEvent(e: ActivityEvent): string {
  const d = e.details ?? {};
  const email = str(d.email);
  const role = str(d.role);
  const specific = describeReview(e) ?? describeObjectEvent(e);
  if (specific) return specific;
  switch (e.action) {
    case 'project.create':
      return `created the project${str(d.name) ? ` “${str(d.name)}”` : ''}`;
    case 'project.update': {
      const renamedTo = str((d.name as { to?: unknown } | undefined)?.to);
      const parts = [d.name ? `renamed the project${renamedTo ? ` to “${renamedTo}”` : ''}` : null, d.description ? 'changed the description' : null].filter(
        Boolean,
      );
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
