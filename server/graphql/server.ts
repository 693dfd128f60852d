import { ApolloServer } from '@apollo/server';
import { env } from '../env';
import { createLogger, type Logger } from '../log';
import type { GraphQLContext } from './builder';
import { formatGraphQLError } from './errors';
import { defaultQueryLimits, queryLimitRules, type QueryLimits } from './limits';
import { schema } from './schema';
import { throttleStatusPlugin } from './throttle-status';

/** One configuration for the HTTP endpoint and the tests, so tests exercise the same rules. */
export function createApolloServer(options: { log?: Logger; limits?: QueryLimits; introspection?: boolean } = {}): ApolloServer<GraphQLContext> {
  const log = options.log ?? createLogger('graphql');
  return new ApolloServer<GraphQLContext>({
    schema,
    // Open in development for the explorer and codegen; production does not publish its schema.
    introspection: options.introspection ?? env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    validationRules: queryLimitRules(options.limits ?? defaultQueryLimits),
    formatError: (formatted, error) => formatGraphQLError(log, formatted, error),
    plugins: [throttleStatusPlugin],
  });
}
