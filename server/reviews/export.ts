import { sql } from 'drizzle-orm';
import { quoteCell } from '@/compute';
import type { Database } from '@/db/client';
import type { ServiceContext } from '../context';
import { badInput } from '../errors';
import { requireProjectRole } from '../authz/access';
import { requireRunRole } from '../runs/service';
import * as runStore from '../runs/store';
import { edgeStatuses } from './validation';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

const networkFormats = ['csv', 'sif', 'graphml'] as const;
type NetworkFormat = (typeof networkFormats)[number];
const contentTypes: Record<NetworkFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  sif: 'text/plain; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
};

/** A spreadsheet must not run a cell as a formula: text cells starting with = + - @ (or tab/CR) get a leading '. */
export const neutralise = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const csvText = (cell: string) => quoteCell(neutralise(cell));
const csvRow = (cells: (string | number)[]) => cells.map((c) => (typeof c === 'number' ? String(c) : csvText(c))).join(',') + '\n';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'run';

const chunkSize = 5000;

interface ExportEdge {
  regulator: string;
  target: string;
  effect: number;
  rank: number;
  status: string;
  evidence: string;
}

/** The run's edges in rank order, a chunk at a time (keyset on rank), with review status and cited PMIDs/DOIs. */
async function* runEdgeChunks(db: Database, runId: string, projectId: string): AsyncGenerator<ExportEdge[]> {
  let after = 0;
  for (;;) {
    const result = await db.execute<{ regulator: string; target: string; effect: number; rank: number; status: string; evidence: string | null }>(sql`
      select ie.regulator, ie.target, ie.effect, ie.rank, coalesce(re.status, 'unreviewed') as status,
        (select string_agg(distinct (case e->>'kind' when 'pmid' then 'PMID:' when 'doi' then 'doi:' else '' end) || (e->>'value'), ';')
           from review_verdicts rv cross join lateral jsonb_array_elements(rv.evidence) e
          where rv.edge_id = re.id and e->>'kind' in ('pmid', 'doi', 'database')) as evidence
      from inferred_edges ie
      left join edge_reviews re on re.project_id = ${projectId} and re.regulator = ie.regulator and re.target = ie.target
      where ie.run_id = ${runId} and ie.rank > ${after}
      order by ie.rank
      limit ${chunkSize}`);
    if (!result.rows.length) return;
    yield result.rows.map((r) => ({ ...r, effect: Number(r.effect), rank: Number(r.rank), evidence: r.evidence ?? '' }));
    after = Number(result.rows.at(-1)!.rank);
    if (result.rows.length < chunkSize) return;
  }
}

async function runGenes(db: Database, runId: string): Promise<string[]> {
  const result = await db.execute<{ gene: string }>(sql`
    select gene from (select regulator as gene from inferred_edges where run_id = ${runId}
                      union select target from inferred_edges where run_id = ${runId}) g order by gene collate "C"`);
  return result.rows.map((r) => r.gene);
}

function toStream(lines: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = lines();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await source.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

async function* networkLines(db: Database, runId: string, projectId: string, format: NetworkFormat): AsyncGenerator<string> {
  if (format === 'csv') yield csvRow(['regulator', 'target', 'effect', 'abs_effect', 'sign', 'rank', 'review_status', 'evidence']);
  if (format === 'graphml') {
    yield [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
      '  <key id="effect" for="edge" attr.name="effect" attr.type="double"/>',
      '  <key id="sign" for="edge" attr.name="sign" attr.type="int"/>',
      '  <key id="rank" for="edge" attr.name="rank" attr.type="int"/>',
      '  <key id="review_status" for="edge" attr.name="review_status" attr.type="string"/>',
      '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
      '  <graph id="grn" edgedefault="directed">',
      '',
    ].join('\n');
    yield (await runGenes(db, runId)).map((g) => `    <node id="${escapeXml(g)}"><data key="name">${escapeXml(g)}</data></node>\n`).join('');
  }
  for await (const chunk of runEdgeChunks(db, runId, projectId)) {
    yield chunk
      .map((e) => {
        const sign = Math.sign(e.effect);
        if (format === 'csv') return csvRow([e.regulator, e.target, e.effect, Math.abs(e.effect), sign, e.rank, e.status.toUpperCase(), e.evidence]);
        if (format === 'sif') return `${e.regulator}\t${sign < 0 ? 'inhibits' : 'activates'}\t${e.target}\n`;
        return (
          `    <edge id="e${e.rank}" source="${escapeXml(e.regulator)}" target="${escapeXml(e.target)}">` +
          `<data key="effect">${e.effect}</data><data key="sign">${sign}</data><data key="rank">${e.rank}</data>` +
          `<data key="review_status">${e.status.toUpperCase()}</data><data key="evidence">${escapeXml(e.evidence)}</data></edge>\n`
        );
      })
      .join('');
  }
  if (format === 'graphml') yield '  </graph>\n</graphml>\n';
}

/** GET /api/runs/{runId}/network: the whole inferred network in rank order, streamed (no cap). */
export async function exportRunNetwork(ctx: ServiceContext, runId: string, rawFormat: string | null): Promise<ExportFile> {
  const { projectId } = await requireRunRole(ctx, runId, 'viewer');
  const format = (rawFormat ?? 'csv') as NetworkFormat;
  if (!networkFormats.includes(format)) throw badInput('The network export format must be csv, sif or graphml.', { field: 'format' });
  const run = (await runStore.findRun(ctx.db, runId))!;
  return {
    filename: `${slug(run.name)}-network.${format}`,
    contentType: contentTypes[format],
    body: toStream(() => networkLines(ctx.db, runId, projectId, format)),
  };
}

/** GET /api/projects/{projectId}/reviews/export: one CSV row per reviewed edge (negative knowledge included). */
export async function exportProjectReviews(
  ctx: ServiceContext,
  projectId: string,
  args: { format?: string | null; status?: string | null },
): Promise<ExportFile> {
  await requireProjectRole(ctx, projectId, 'viewer');
  if ((args.format ?? 'csv') !== 'csv') throw badInput('The reviews export format is csv.', { field: 'format' });
  const status = args.status?.toLowerCase() ?? null;
  if (status && !(edgeStatuses as readonly string[]).includes(status)) throw badInput(`Unknown status “${args.status}”.`, { field: 'status' });
  const rows = await ctx.db.execute<{
    regulator: string;
    target: string;
    status: string;
    settled_note: string | null;
    verdicts: string | null;
    evidence: string | null;
    comments: number;
    last_activity: Date | string;
  }>(sql`
    select re.regulator, re.target, re.status, re.settled_note,
      (select string_agg(coalesce(u.name, 'former member') || ':' || rv.verdict || coalesce('(' || rv.reason || ')', ''), '; ' order by rv.created_at)
         from review_verdicts rv left join users u on u.id = rv.reviewer_id where rv.edge_id = re.id) as verdicts,
      (select string_agg(distinct (case e->>'kind' when 'pmid' then 'PMID:' when 'doi' then 'doi:' else '' end) || (e->>'value'), ';')
         from review_verdicts rv cross join lateral jsonb_array_elements(rv.evidence) e where rv.edge_id = re.id) as evidence,
      re.comment_count as comments, re.updated_at as last_activity
    from edge_reviews re
    where re.project_id = ${projectId} and (re.verdict_count > 0 or re.comment_count > 0 or re.settled_status is not null)
      ${status ? sql`and re.status = ${status}` : sql``}
    order by re.regulator collate "C", re.target collate "C"`);
  async function* lines(): AsyncGenerator<string> {
    yield csvRow(['regulator', 'target', 'status', 'settled_note', 'verdicts', 'evidence', 'comments', 'last_activity']);
    for (const r of rows.rows) {
      yield csvRow([
        r.regulator,
        r.target,
        r.status.toUpperCase(),
        r.settled_note ?? '',
        r.verdicts ?? '',
        r.evidence ?? '',
        Number(r.comments),
        new Date(r.last_activity).toISOString(),
      ]);
    }
  }
  return { filename: `reviews${status ? `-${status}` : ''}.csv`, contentType: 'text/csv; charset=utf-8', body: toStream(lines) };
}
