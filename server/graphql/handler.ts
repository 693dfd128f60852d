import 'server-only';
import { startServerAndCreateNextHandler } from '@as-integrations/next';
import { NextRequest } from 'next/server';
import { getDatabase } from '../db';
import { createLogger } from '../log';
import { withBodyLimit } from './body-limit';
import type { GraphQLContext } from './builder';
import { buildRequestContext } from './context';
import { createApolloServer } from './server';

const log = createLogger('graphql');

const handler = startServerAndCreateNextHandler<NextRequest, GraphQLContext>(createApolloServer({ log }), {
  context: (req) => buildRequestContext(getDatabase(), log, req.headers),
});

const limited = withBodyLimit(handler, (req, body) => new NextRequest(req.url, { method: req.method, headers: req.headers, body }));

/** The /api/graphql route: GET for queries (and the development explorer), POST for everything. */
export const GET = (req: NextRequest): Promise<Response> => handler(req);
export const POST = (req: NextRequest): Promise<Response> => limited(req);
