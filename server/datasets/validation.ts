import { z } from 'zod';

/** Stored in `datasets.source_format`; GraphQL spells them with underscores. */
export const datasetFormats = ['trajectory-csv', 'tidy-csv', 'matrix-pseudotime'] as const;
export type DatasetFormat = (typeof datasetFormats)[number];

export const datasetName = z.string().trim().min(1, 'Give the dataset a name.').max(120, 'Dataset names are at most 120 characters.');

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? undefined : v));

export const uploadDatasetInput = z
  .object({
    projectId: z.string(),
    name: datasetName,
    description: z.string().trim().max(2000, 'Descriptions are at most 2000 characters.').default(''),
    format: z.enum(datasetFormats, 'The format must be trajectory-csv, tidy-csv or matrix-pseudotime.'),
    data: z.string().refine((s) => s.trim() !== '', 'The data file is empty.'),
    genes: optionalText,
    pseudotime: optionalText,
    testData: optionalText,
    testPseudotime: optionalText,
    testLastTrajectories: z
      .number()
      .int('The number of test trajectories must be a whole number.')
      .min(0, 'The number of test trajectories cannot be negative.')
      .default(0),
    isSynthetic: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const need = (field: 'genes' | 'pseudotime' | 'testPseudotime', message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (v.format === 'trajectory-csv' && !v.genes) need('genes', 'A trajectory CSV needs its gene names file.');
    if (v.format === 'matrix-pseudotime' && !v.pseudotime) need('pseudotime', 'A genes × samples matrix needs its pseudotime file.');
    if (v.format === 'matrix-pseudotime' && v.testData && !v.testPseudotime) {
      need('testPseudotime', 'The test matrix needs its own pseudotime file.');
    }
    if (v.testData && v.testLastTrajectories > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['testLastTrajectories'],
        message: 'Choose either a separate test file or a number of trajectories to hold out, not both.',
      });
    }
  });
export type UploadDatasetInput = z.input<typeof uploadDatasetInput>;

export const previewLimits = { genes: 20, trajectories: 50 } as const;

export const trajectoryPreviewInput = z.object({
  genes: z.array(z.string()).min(1, 'Choose at least one gene.').max(previewLimits.genes, `Choose at most ${previewLimits.genes} genes at a time.`),
  trajectories: z
    .array(z.number().int().min(0, 'Trajectory numbers start at 0.'))
    .min(1, 'Choose at least one trajectory.')
    .max(previewLimits.trajectories, `Choose at most ${previewLimits.trajectories} trajectories at a time.`),
});

export const geneSearchInput = z.object({
  search: z.string().trim().max(200).nullish(),
});
