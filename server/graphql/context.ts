import { GraphQLError } from 'graphql';
import type { Database } from '@/db/client';
import { viewerFromRequest } from '../auth/request';
import { clientAddress } from '../auth/secret';
import { isDomainError } from '../errors';
import type { Logger } from '../log';
import type { GraphQLContext } from './builder';

/** The per-request context: who is calling (token or session) and the shared database. */
export async function buildRequestContext(db: Database, log: Logger, headers: Headers): Promise<GraphQLContext> {
  try {
    return { db, log, viewer: await viewerFromRequest(db, headers), clientAddress: clientAddress((name) => headers.get(name)) };
  } catch (e) {
    // A bad bearer token fails the whole request with 401, before any field runs.
    if (isDomainError(e)) {
      throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
    }
    throw e;
  }
}
