import { z } from 'zod';

export const priorFormats = ['edge_list', 'sif', 'dense_matrix'] as const;
export type PriorFormat = (typeof priorFormats)[number];
export const priorExportFormats = ['csv', 'sif', 'graphml', 'cytoscape_json'] as const;
export type PriorExportFormat = (typeof priorExportFormats)[number];

export const geneName = z
  .string()
  .trim()
  .min(1, 'Gene names cannot be empty.')
  .max(200, 'Gene names are at most 200 characters.')
  .refine((g) => !/[\t\r\n]/.test(g), 'Gene names cannot contain tabs or line breaks.');

const priorName = z.string().trim().min(1, 'Give the prior network a name.').max(120, 'Prior network names are at most 120 characters.');
const message = z.string().trim().min(1, 'Describe the version in a short message.').max(500, 'Version messages are at most 500 characters.');
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? undefined : v));
const format = z.enum(priorFormats, 'The format must be edge_list, sif or dense_matrix.');
const fileText = z.string().refine((s) => s.trim() !== '', 'The file is empty.');

export const importPriorInput = z.object({
  projectId: z.string(),
  name: priorName,
  description: z.string().trim().max(2000, 'Descriptions are at most 2000 characters.').default(''),
  format,
  text: fileText,
  genes: optionalText,
  message: message.default('Imported'),
});
export type ImportPriorInput = z.input<typeof importPriorInput>;

export const importPriorVersionInput = z.object({
  priorId: z.string(),
  baseVersionId: z.string().nullish(),
  format,
  text: fileText,
  genes: optionalText,
  message,
});
export type ImportPriorVersionInput = z.input<typeof importPriorVersionInput>;

const sign = z.union([z.literal(-1), z.literal(0), z.literal(1)], 'A sign is 1 (activation), -1 (repression) or 0 (unknown).');
const weight = z.number().refine(Number.isFinite, 'The weight must be a finite number.');
const evidence = z.string().trim().max(2000, 'Evidence notes are at most 2000 characters.');
const endpoints = { regulator: geneName, target: geneName };

export const edgeChange = z.discriminatedUnion(
  'op',
  [
    z.object({
      op: z.literal('add'),
      ...endpoints,
      sign,
      weight: weight.nullish().transform((w) => w ?? undefined),
      evidence: evidence.nullish().transform((e) => e ?? ''),
    }),
    z.object({ op: z.literal('remove'), ...endpoints }),
    z.object({ op: z.literal('flip_sign'), ...endpoints }),
    z.object({ op: z.literal('set_sign'), ...endpoints, sign }),
    z.object({ op: z.literal('set_evidence'), ...endpoints, evidence, weight: weight.nullish().transform((w) => w ?? undefined) }),
  ],
  'The operation must be add, remove, flip_sign, set_sign or set_evidence.',
);

export const maxChangesPerEdit = 10_000;

export const editPriorInput = z.object({
  baseVersionId: z.string(),
  message,
  changes: z.array(edgeChange).min(1, 'An edit needs at least one change.').max(maxChangesPerEdit, `One edit holds at most ${maxChangesPerEdit} changes.`),
});
export type EditPriorInput = z.input<typeof editPriorInput>;

export const revertPriorInput = z.object({
  versionId: z.string(),
  baseVersionId: z.string().nullish(),
  message: message.nullish(),
});

export const edgePageInput = z.object({
  gene: z.string().trim().max(200).nullish(),
  offset: z.number().int().min(0, 'The offset cannot be negative.').default(0),
  limit: z.number().int().min(1, 'The limit must be at least 1.').max(5000, 'Ask for at most 5000 edges at a time.').default(100),
});

export const exportFormat = z.enum(priorExportFormats, 'The export format must be csv, sif, graphml or cytoscape_json.');
