import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate } from 'graphql';
import { env } from '../env';
import { createLogger, type Logger } from '../log';
import type { GraphQLContext } from './builder';
import { formatGraphQLError } from './errors';
import { badTextInput } from './text-input';
import { defaultQueryLimits, queryLimitRules, type QueryLimits } from './limits';
import { schema } from './schema';
import { throttleStatusPlugin } from './throttle-status';

/** One configuration for the HTTP endpoint and the tests, so tests exercise the same rules. */
export function createApolloServer(
  options: { log?: Logger; limits?: QueryLimits; introspection?: boolean; production?: boolean } = {},
): ApolloServer<GraphQLContext> {
  const log = options.log ?? createLogger('graphql');
  const production = options.production ?? env.NODE_ENV === 'production';
  return new ApolloServer<GraphQLContext>({
    schema,
    // Open in development for the explorer and codegen; production does not publish its schema.
    introspection: options.introspection ?? !production,
    // "Did you mean …?" suggestions would publish the schema piecemeal.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatGraphQLError(log, formatted, error),
    plugins: [operationLimits(options.limits ?? defaultQueryLimits), throttleStatusPlugin, queryRoleMemo],
  });
}

/**
 * A query writes nothing, so the caller's role in a project cannot change through it: its resolvers share one
 * lookup per project (ServiceContext.roles). A mutation gets none, so a role it changes is read afresh; the
 * memo is made anew for each operation, so a context reused across operations never carries one over.
 */
const queryRoleMemo: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        contextValue.roles = operation?.operation === 'query' ? new Map() : undefined;
      },
    };
  },
};

/**
 * The limits need the request's variables (`limit: $n` costs what $n asks for), which validation
 * rules never see; so they run once the operation is known, still before any resolver.
 */
function operationLimits(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema: current }) {
          const badText = badTextInput(document, request.variables);
          if (badText) throw badText;
          const [problem] = validate(current, document, queryLimitRules(limits, request.variables));
          if (problem) {
            throw new GraphQLError(problem.message, {
              nodes: problem.nodes,
              extensions: { ...problem.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
