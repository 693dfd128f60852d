/**
 * The gql.tada introspection type (`app/lib/graphql-env.d.ts`) from schema.graphql: what types the app's
 * GraphQL documents. Written by `npm run schema:print`; `scripts/lib/graphql-documents.test.ts` fails when the
 * committed file no longer matches schema.graphql. Same output as `npx gql-tada generate output`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { minifyIntrospection, outputIntrospectionFile } from 'gql.tada/internal';
import { buildSchema, introspectionFromSchema } from 'graphql';

export const graphqlEnvPath = (root: string) => path.join(root, 'app', 'lib', 'graphql-env.d.ts');

export function graphqlEnvSource(sdl: string): string {
  const introspection = introspectionFromSchema(buildSchema(sdl));
  return outputIntrospectionFile(minifyIntrospection(introspection), { fileType: '.d.ts', shouldPreprocess: true });
}

export function writeGraphqlEnv(root: string): string {
  const target = graphqlEnvPath(root);
  fs.writeFileSync(target, graphqlEnvSource(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8')));
  return target;
}
