/** A project with a finished run whose inferred edges are stored directly (no training), for the review tests. */
import { uploadDataset } from '@/server/datasets/service';
import { importGoldStandard } from '@/server/gold-standards/service';
import { importPrior } from '@/server/priors/service';
import { launchRun } from '@/server/runs/service';
import { team, type Team } from './data-fixtures';
import type { Harness } from './harness';

export const reviewGenes = ['G1', 'G2', 'G3', 'G4', 'G5'];

function tidyCsv(genes: string[]): string {
  const lines = ['gene,trajectory,time,value'];
  for (const t of ['t1', 't2']) for (const time of [0, 1]) genes.forEach((g, i) => lines.push(`${g},${t},${time},${(i + 1) / 10 + time}`));
  return lines.join('\n') + '\n';
}

export interface ReviewProject extends Team {
  runId: string;
  datasetId: string;
  priorVersionId: string;
  goldStandardId: string;
}

/** Stored inferred edges: (regulator, target, effect), ranked by |effect|. */
export async function storeRun(
  h: Harness,
  owner: Team['owner'],
  projectId: string,
  datasetId: string,
  priorVersionId: string,
  edges: [string, string, number][],
  seed = 7,
) {
  const run = await launchRun(h.context(owner), { projectId, datasetId, priorVersionId, strategy: 'dash', hyperparameters: { epochs: 2 }, seed });
  await h.query(`update runs set status = 'succeeded' where id = $1`, [run.id]);
  const ranked = [...edges].sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]));
  const values = ranked.map((_, i) => `($1, $${i * 3 + 2}, $${i * 3 + 3}, $${i * 3 + 4}, ${i + 1})`).join(', ');
  if (ranked.length) await h.query(`insert into inferred_edges (run_id, regulator, target, effect, rank) values ${values}`, [run.id, ...ranked.flat()]);
  return run.id;
}

/**
 * Prior: G1→G2 (+), G2→G3 (−), G3→G4 (+). Gold: G1→G2, G2→G3, G4→G5.
 * Run: G1→G2 0.9, G2→G3 −0.8, G3→G4 0.7, G4→G5 0.6, G5→G1 −0.5, G1→G3 0.4.
 */
export async function reviewProject(h: Harness): Promise<ReviewProject> {
  const t = await team(h, 'Review lab');
  const owner = h.context(t.owner);
  const dataset = await uploadDataset(owner, { projectId: t.projectId, name: 'Five genes', format: 'tidy-csv', data: tidyCsv(reviewGenes) });
  const prior = await importPrior(owner, {
    projectId: t.projectId,
    name: 'Literature',
    format: 'edge_list',
    text: 'regulator,target,sign\nG1,G2,1\nG2,G3,-1\nG3,G4,1\n',
  });
  const gold = await importGoldStandard(owner, { projectId: t.projectId, name: 'ChIP', text: 'G1,G2\nG2,G3\nG4,G5\n' });
  const runId = await storeRun(h, t.owner, t.projectId, dataset.id, prior.headVersionId!, [
    ['G1', 'G2', 0.9],
    ['G2', 'G3', -0.8],
    ['G3', 'G4', 0.7],
    ['G4', 'G5', 0.6],
    ['G5', 'G1', -0.5],
    ['G1', 'G3', 0.4],
  ]);
  return { ...t, runId, datasetId: dataset.id, priorVersionId: prior.headVersionId!, goldStandardId: gold.id };
}

export const reviewTables = [
  'edge_reviews',
  'review_verdicts',
  'review_verdict_changes',
  'edge_comments',
  'edge_comment_revisions',
  'notifications',
  'review_version_links',
  'audit_events',
  'prior_versions',
  'prior_edges',
];
