import 'server-only';
import { headers } from 'next/headers';
import type { Viewer } from '../context';
import { getDatabase } from '../db';
import { viewerFromSessionCookie } from './request';
import { isSecureRequest } from './secret';

/** For server components and route handlers: the signed-in viewer (a live session), or null. */
export async function getViewerFromSession(): Promise<Viewer | null> {
  const h = await headers();
  return viewerFromSessionCookie(
    getDatabase(),
    h.get('cookie'),
    isSecureRequest((name) => h.get(name)),
  );
}
