/**
 * The app's GraphQL documents (and the end-to-end tests' ones) against schema.graphql, and the gql.tada
 * introspection type against schema.graphql: both drift silently otherwise (a renamed field, a new enum value).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type DocumentProblem, type FoundDocument, findDocuments, validateDocuments } from './graphql-documents';
import { graphqlEnvPath, graphqlEnvSource } from './graphql-env';

const root = path.resolve(import.meta.dirname, '..', '..');
const sdl = fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8');
const schema = buildSchema(sdl);

function sourcesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

function scan(files: string[]) {
  const problems: DocumentProblem[] = [];
  const documents = files.flatMap((f) => findDocuments(f, fs.readFileSync(path.join(root, f), 'utf8'), problems));
  return { documents, problems };
}

const shown = (problems: DocumentProblem[]) => problems.map((p) => `${p.file}:${p.line} ${p.message}`);

describe('GraphQL documents against schema.graphql', () => {
  const app = scan(sourcesUnder('app'));
  const e2e = scan(sourcesUnder('tests/e2e'));

  it('finds the documents (the scan is not silently empty)', () => {
    expect(app.documents.length).toBeGreaterThanOrEqual(70);
    expect(e2e.documents.length).toBeGreaterThanOrEqual(15);
  });

  it('writes every app document with graphql(...), whole, so gql.tada types it', () => {
    expect(shown(app.problems)).toEqual([]);
    expect(app.documents.filter((d) => !d.tagged).map((d) => `${d.file}:${d.line}`)).toEqual([]);
  });

  it('every app document validates', () => {
    expect(shown(validateDocuments(schema, app.documents))).toEqual([]);
  });

  it('every end-to-end test document validates', () => {
    expect(shown(e2e.problems)).toEqual([]);
    expect(shown(validateDocuments(schema, e2e.documents))).toEqual([]);
  });

  it('app/lib/graphql-env.d.ts is up to date with schema.graphql (else: npm run schema:print)', () => {
    expect(fs.readFileSync(graphqlEnvPath(root), 'utf8') === graphqlEnvSource(sdl)).toBe(true);
  });
});

describe('the document check can fail', () => {
  const check = (source: string) => {
    const problems: DocumentProblem[] = [];
    const documents: FoundDocument[] = findDocuments('planted.ts', source, problems);
    return { documents, problems: [...problems, ...validateDocuments(schema, documents)] };
  };

  it('reports a field the schema lacks and a wrong argument type', () => {
    const { documents, problems } = check('const Q = graphql(`query P($id: Int!) { project(id: $id) { id nickname } }`);');
    expect(documents).toHaveLength(1);
    expect(shown(problems).join('\n')).toMatch(/Cannot query field "nickname" on type "Project"/);
    expect(shown(problems).join('\n')).toMatch(/Variable "\$id" of type "Int!" used in position expecting type "ID!"/);
  });

  it('reports an enum value the schema lacks, in a bare string too', () => {
    const { documents, problems } = check(`call('mutation { launchRun(input: { projectId: "1", datasetId: "1", name: "x", strategy: pinn_xx }) { id } }');`);
    expect(documents).toMatchObject([{ tagged: false }]);
    expect(shown(problems).join('\n')).toMatch(/pinn_xx/);
  });

  it('reports a document built from pieces, an unknown fragment and one no operation uses', () => {
    const { problems } = check(
      'const F = graphql(`fragment Lonely on Project { id }`);\n' +
        'const Q = graphql(`query { projects { ...Missing } }`);\n' +
        'const R = graphql(`query { ${FIELDS} }`);',
    );
    const text = shown(problems).join('\n');
    expect(text).toMatch(/Unknown fragment "Missing"/);
    expect(text).toMatch(/fragment Lonely is spread by no operation/);
    expect(text).toMatch(/planted.ts:3 graphql\(\.\.\.\) takes one literal document/);
  });

  it('passes a good document with its fragment from another call', () => {
    const { problems } = check('const F = graphql(`fragment Names on Project { id name }`);\nconst Q = graphql(`query { projects { ...Names } }`, [F]);');
    expect(shown(problems)).toEqual([]);
  });
});
