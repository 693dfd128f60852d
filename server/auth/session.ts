import { getServerSession } from 'next-auth';
import type { Viewer } from '../context';
import { getDatabase } from '../db';
import { authOptions } from './options';
import { viewerForUser } from './request';

/** For server components and route handlers: the signed-in viewer, or null. */
export async function getViewerFromSession(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  return userId ? viewerForUser(getDatabase(), userId) : null;
}
