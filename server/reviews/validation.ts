import { z } from 'zod';
import type { EvidenceEntry } from '@/db/schema';
import { geneName } from '../priors/validation';

export const verdictKinds = ['accepted', 'rejected', 'needs_evidence'] as const;
export const rejectionReasons = ['wrong_sign', 'wrong_direction', 'indirect', 'no_relation', 'other'] as const;
export const edgeStatuses = ['unreviewed', 'accepted', 'rejected', 'needs_evidence', 'disputed'] as const;
export const evidenceKinds = ['pmid', 'doi', 'database', 'text'] as const;
export const evidenceDatabases = ['YEASTRACT', 'SGD', 'RegulonDB', 'DoRothEA', 'TRRUST', 'ENCODE', 'JASPAR', 'STRING', 'other'] as const;

export const maxCommentLength = 10_000;
export const maxEvidenceText = 2000;
export const maxBulkEdges = 500;
const maxEvidenceEntries = 50;

const pmidPattern = /^\d{1,9}$/;
const doiPattern = /^10\.\d{4,9}\/\S+$/;

/** A DATABASE entry is stored as "NAME" or "NAME:accession"; the name must be one of the known ones. */
function databaseProblem(value: string): string | null {
  const name = value.split(':', 1)[0].trim();
  if (!evidenceDatabases.some((d) => d.toLowerCase() === name.toLowerCase())) {
    return `“${name}” is not a known source database; use one of ${evidenceDatabases.join(', ')} (optionally “NAME:accession”).`;
  }
  return null;
}

export const evidenceEntry = z
  .object({ kind: z.enum(evidenceKinds), value: z.string().trim().min(1, 'Evidence needs a value.') })
  .superRefine((e, issue) => {
    const problem =
      e.kind === 'pmid' && !pmidPattern.test(e.value)
        ? `“${e.value}” is not a PubMed ID (1 to 9 digits).`
        : e.kind === 'doi' && !doiPattern.test(e.value)
          ? `“${e.value}” is not a DOI (10.NNNN/…).`
          : e.kind === 'database'
            ? databaseProblem(e.value)
            : e.value.length > maxEvidenceText
              ? `Evidence text is at most ${maxEvidenceText} characters.`
              : null;
    if (problem) issue.addIssue({ code: 'custom', message: problem, path: ['value'] });
  })
  .transform((e): EvidenceEntry => ({ kind: e.kind, value: e.kind === 'database' ? canonicalDatabase(e.value) : e.value }));

function canonicalDatabase(value: string): string {
  const [name, ...rest] = value.split(':');
  const known = evidenceDatabases.find((d) => d.toLowerCase() === name.trim().toLowerCase())!;
  return [known, ...rest].join(':');
}

export function evidenceUrl(e: EvidenceEntry): string | null {
  if (e.kind === 'pmid') return `https://pubmed.ncbi.nlm.nih.gov/${e.value}/`;
  if (e.kind === 'doi') return `https://doi.org/${e.value}`;
  return null;
}

const evidenceList = z.array(evidenceEntry).max(maxEvidenceEntries, `At most ${maxEvidenceEntries} evidence entries.`).default([]);
const sign = z.number().int().min(-1, 'The sign is -1, 0 or 1.').max(1, 'The sign is -1, 0 or 1.').nullish();
const version = z.number().int().min(0, 'expectedVersion is a whole number ≥ 0.');
const edgeRef = { projectId: z.string(), regulator: geneName, target: geneName };

const verdictFields = {
  verdict: z.enum(verdictKinds),
  reason: z.enum(rejectionReasons).nullish(),
  reasonNote: z.string().trim().max(2000, 'The reason note is at most 2000 characters.').nullish(),
  evidence: z.preprocess((v) => v ?? undefined, evidenceList),
  runId: z.string().nullish(),
};

type VerdictShape = { verdict: string; reason?: string | null; reasonNote?: string | null };
function checkReason(v: VerdictShape, issue: z.RefinementCtx) {
  if (v.verdict === 'rejected' && !v.reason) issue.addIssue({ code: 'custom', message: 'Give a reason for rejecting the edge.', path: ['reason'] });
  if (v.verdict !== 'rejected' && v.reason) issue.addIssue({ code: 'custom', message: 'Only a rejection takes a reason.', path: ['reason'] });
  if (v.reason === 'other' && !v.reasonNote)
    issue.addIssue({ code: 'custom', message: 'Say why in the reason note when the reason is “other”.', path: ['reasonNote'] });
}

export const setVerdictInput = z.object({ ...edgeRef, expectedVersion: version, ...verdictFields, sign }).superRefine(checkReason);
export type SetVerdictInput = z.input<typeof setVerdictInput>;
export type ParsedVerdict = z.output<typeof setVerdictInput>;

export const bulkVerdictInput = z
  .object({
    projectId: z.string(),
    edges: z
      .array(z.object({ regulator: geneName, target: geneName, expectedVersion: version }))
      .min(1, 'Choose at least one edge.')
      .max(maxBulkEdges, `At most ${maxBulkEdges} edges in one bulk verdict.`),
    ...verdictFields,
  })
  .superRefine(checkReason);
export type BulkVerdictInput = z.input<typeof bulkVerdictInput>;

export const edgeWriteInput = z.object({ ...edgeRef, expectedVersion: version });
export const edgeInput = z.object(edgeRef);

export const settleInput = z.object({
  ...edgeRef,
  expectedVersion: version,
  status: z.enum(['accepted', 'rejected'], 'An edge is settled as ACCEPTED or REJECTED.'),
  note: z.string().trim().min(1, 'Settling needs a note saying why.').max(2000, 'The note is at most 2000 characters.'),
});
export type SettleInput = z.input<typeof settleInput>;

export const commentBody = z.string().trim().min(1, 'The comment is empty.').max(maxCommentLength, `Comments are at most ${maxCommentLength} characters.`);

export const addCommentInput = z.object({ ...edgeRef, body: commentBody, parentId: z.string().nullish(), runId: z.string().nullish() });
export type AddCommentInput = z.input<typeof addCommentInput>;

export const queueInput = z.object({
  projectId: z.string(),
  runId: z.string(),
  filter: z
    .object({
      statuses: z.array(z.enum(edgeStatuses)).nullish(),
      gene: geneName.nullish(),
      novelty: z.enum(['novel', 'in_prior']).nullish(),
      priorVersionId: z.string().nullish(),
      goldStandardId: z.string().nullish(),
      inGold: z.boolean().nullish(),
    })
    .nullish()
    .transform((f) => f ?? {}),
  order: z.enum(['effect', 'confidence']).default('effect'),
  /** A pruning level: its network's edges instead of the run's kept network (checked where the level is loaded). */
  level: z.number().nullish(),
  offset: z.number().int().min(0, 'offset is ≥ 0.').default(0),
  limit: z.number().int().min(1, 'limit is 1 to 200.').max(200, 'limit is 1 to 200.').default(50),
});
export type QueueInput = z.input<typeof queueInput>;

export const commitProposalInput = z.object({
  priorVersionId: z.string(),
  message: z.string().trim().min(1, 'Describe the version in a short message.').max(400, 'The message is at most 400 characters.'),
  exclude: z
    .array(z.object({ regulator: geneName, target: geneName }))
    .max(20_000)
    .nullish()
    .transform((e) => e ?? []),
});
export type CommitProposalInput = z.input<typeof commitProposalInput>;
