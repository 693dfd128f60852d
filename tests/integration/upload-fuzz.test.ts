/**
 * Generated uploads through the GraphQL import mutations (issue 17): each is stored whole or refused
 * with a specific error, leaving every data table as it was; never an internal error. Seeded.
 */
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { FUZZ_SEED, uploads, type Upload } from '@/tests/fuzz/upload-inputs';
import { dataTables, team, type Team } from './data-fixtures';
import { forEachBackend } from './harness';

const PER_FORMAT = 40;
const MUTATIONS = {
  dataset: `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }`,
  prior: `mutation($input: ImportPriorInput!) { importPrior(input: $input) { id } }`,
  gold: `mutation($input: ImportGoldStandardInput!) { importGoldStandard(input: $input) { id } }`,
};
const stored = { dataset: 'datasets', prior: 'prior_networks', gold: 'gold_standards' };

function input(u: Upload, projectId: string): Record<string, unknown> {
  if (u.kind === 'dataset') {
    const { kind: _, format, ...files } = u;
    return { projectId, name: 'Fuzzed', format: format.replace('-', '_').replace('-', '_'), ...files };
  }
  const { kind: _, ...rest } = u;
  return { projectId, name: 'Fuzzed', ...rest };
}

const figures: string[] = [];
afterAll(() => console.log(`[fuzz-graphql] seed ${FUZZ_SEED}: ${figures.join('; ')}`));

await forEachBackend('upload fuzz through GraphQL', (h) => {
  let t: Team;

  it.each(Object.keys(uploads))('%s: stored whole or refused with nothing stored', async (name) => {
    t ??= await team(h);
    const codes = new Map<string, number>();
    for (const u of fc.sample(uploads[name], { seed: FUZZ_SEED, numRuns: PER_FORMAT })) {
      const before = await h.counts(...dataTables);
      const result = await h.gql(MUTATIONS[u.kind], { input: input(u, t.projectId) }, t.editor);
      const after = await h.counts(...dataTables);
      const error = result.errors?.[0];
      const code = String(error?.extensions?.code ?? 'ok');
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect(code, `${name}: ${error?.message}\n${JSON.stringify(u).slice(0, 400)}`).not.toBe('INTERNAL_SERVER_ERROR');
      if (error) {
        expect(error.message.length).toBeGreaterThan(10);
        expect(after, `${name}: refused but stored something`).toEqual(before);
      } else {
        expect(after[stored[u.kind]]).toBe(before[stored[u.kind]] + 1);
      }
    }
    figures.push(`${h.backend} ${name}: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  });
});
