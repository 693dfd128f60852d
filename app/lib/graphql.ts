/**
 * Every GraphQL document of the app is written with `graphql(...)` from here: gql.tada checks it against
 * schema.graphql (through app/lib/graphql-env.d.ts, written by `npm run schema:print`) and types its result
 * and variables, so a renamed field or a changed enum fails the typecheck instead of a page.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection, introspection_types } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** ISO 8601 text, as the server serialises it. */
    DateTime: string;
    /** The schema's JSON fields (AuditEvent.details, Run.config) are objects. */
    JSON: Record<string, unknown>;
  };
}>();

export { readFragment } from 'gql.tada';
export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';

/** A schema enum's values by the enum's name, e.g. `EnumOf<'RunStatus'>`. */
export type EnumOf<Name extends keyof introspection_types> = introspection_types[Name] extends { enumValues: infer Values } ? Values : never;
