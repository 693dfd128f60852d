import type { Metadata } from 'next';
import { requireViewer } from '../lib/require-viewer';
import { InboxView } from './inbox-view';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  await requireViewer('/inbox');
  return (
    <div className="page page-medium">
      <h1>Inbox</h1>
      <InboxView />
    </div>
  );
}
