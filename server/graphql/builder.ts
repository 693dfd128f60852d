import SchemaBuilder from '@pothos/core';
import { GraphQLScalarType, Kind } from 'graphql';
import type { ServiceContext } from '../context';

export type GraphQLContext = ServiceContext;

/**
 * Code-first schema (Pothos). Each domain folder registers its own types and fields on this builder
 * in `server/<concept>/schema.ts`; `server/graphql/schema.ts` imports them all and builds the schema.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({ defaultFieldNullability: false });

builder.addScalarType(
  'DateTime',
  new GraphQLScalarType({
    name: 'DateTime',
    description: 'ISO-8601 timestamp',
    serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
    parseValue: (v) => {
      const d = new Date(String(v));
      if (Number.isNaN(d.getTime())) throw new TypeError('DateTime must be an ISO-8601 timestamp');
      return d;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
      return new Date(ast.value);
    },
  }),
);

builder.addScalarType(
  'JSON',
  new GraphQLScalarType({
    name: 'JSON',
    description: 'Arbitrary JSON value',
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: () => {
      throw new TypeError('JSON literals are not accepted inline; pass them as variables');
    },
  }),
);

builder.queryType({});
builder.mutationType({});
