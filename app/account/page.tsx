import type { Metadata } from 'next';
import { requireViewer } from '../lib/require-viewer';
import { hasPassword } from '@/server/accounts/service';
import { getDatabase } from '@/server/db';
import { AccountDetails } from './account-details';
import { ApiTokens } from './api-tokens';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requireViewer('/account');
  return (
    <div className="page page-medium">
      <h1>Your account</h1>
      <AccountDetails name={viewer.name} email={viewer.email} hasPassword={await hasPassword(getDatabase(), viewer.userId)} />
      <ApiTokens />
    </div>
  );
}
