import { z } from 'zod';

export const goldStandardFormats = ['edge_list', 'dense_matrix'] as const;

export const importGoldStandardInput = z.object({
  projectId: z.string(),
  name: z.string().trim().min(1, 'Give the gold standard a name.').max(120, 'Gold standard names are at most 120 characters.'),
  source: z.string().trim().max(500, 'The source note is at most 500 characters.').default(''),
  format: z.enum(goldStandardFormats, 'The format must be edge_list or dense_matrix.').default('edge_list'),
  text: z.string().refine((s) => s.trim() !== '', 'The file is empty.'),
  genes: z
    .string()
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? undefined : v)),
});
export type ImportGoldStandardInput = z.input<typeof importGoldStandardInput>;
