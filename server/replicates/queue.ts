import type { ServiceContext } from '../context';
import { reviewQueueOver, type ReviewQueuePage } from '../reviews/queue';
import type { QueueInput } from '../reviews/validation';
import { parseInput } from '../validation';
import { replicateAnalysis } from './service';
import { replicateListInput, type ReplicateListInput } from './validation';

/**
 * The review queue over one list of the replicate analysis: the flagged prior edges (those the data does not
 * support, least supported first) or the candidates the prior lacks (most explained first, the residual screen), each
 * with the list's confidence and the replicates' mean effect. Lives here, not in server/reviews, because the lists are this domain's and
 * reviews may not import it back; the queue's rules (authorise first, filters, paging) are the review queue's own.
 */
export async function replicateListQueue(ctx: ServiceContext, raw: QueueInput & ReplicateListInput): Promise<ReviewQueuePage> {
  const { list, flagAt, acceptAt, ...queue } = raw;
  return reviewQueueOver(ctx, { ...queue, level: null }, async ({ projectId, runId }) => {
    const options = parseInput(replicateListInput, { list, flagAt, acceptAt });
    const a = await replicateAnalysis(ctx, { projectId, runId, ...options });
    const edges = options.list === 'unsupported' ? a.lists.priorEdges.filter((e) => e.flagged) : a.lists.candidates;
    return {
      genes: a.genes,
      pairs: edges.map((e) => e.index),
      effects: edges.map((e) => e.meanEffect),
      confidence: edges.map((e) => e.confidence),
    };
  });
}
