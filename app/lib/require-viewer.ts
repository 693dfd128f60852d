import { redirect } from 'next/navigation';
import type { Viewer } from '@/server/context';
import { getViewerFromSession } from '@/server/auth/session';

/** Pages behind sign-in call this first; signed-out visitors go to /signin and come back afterwards. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewerFromSession();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
