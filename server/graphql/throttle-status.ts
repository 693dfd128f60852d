import type { ApolloServerPlugin } from '@apollo/server';
import { isDomainError } from '../errors';
import type { GraphQLContext } from './builder';

/**
 * A throttled operation (TOO_MANY_REQUESTS) answers HTTP 429 with `Retry-After`, so scripts and proxies
 * can back off without reading the body.
 */
export const throttleStatusPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    let wait = 0;
    return {
      async didEncounterErrors({ errors }) {
        for (const e of errors) {
          const original = e.originalError;
          if (isDomainError(original) && original.code === 'TOO_MANY_REQUESTS') {
            wait = Math.max(wait, Number(original.details.retryAfterSeconds) || 1);
          }
        }
      },
      async willSendResponse({ response }) {
        if (wait === 0) return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(wait));
      },
    };
  },
};
