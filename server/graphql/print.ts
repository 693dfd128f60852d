import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema';

/** The committed `schema.graphql`: sorted so its diff shows only real changes. */
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
