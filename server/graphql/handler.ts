import { startServerAndCreateNextHandler } from '@as-integrations/next';
import type { NextRequest } from 'next/server';
import { getDatabase } from '../db';
import { createLogger } from '../log';
import type { GraphQLContext } from './builder';
import { buildRequestContext } from './context';
import { createApolloServer } from './server';

const log = createLogger('graphql');

const handler = startServerAndCreateNextHandler<NextRequest, GraphQLContext>(createApolloServer({ log }), {
  context: (req) => buildRequestContext(getDatabase(), log, req.headers),
});

/** The /api/graphql route: GET for queries (and the development explorer), POST for everything. */
export const GET = (req: NextRequest): Promise<Response> => handler(req);
export const POST = (req: NextRequest): Promise<Response> => handler(req);
