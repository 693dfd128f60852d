import type { Metadata } from 'next';
import { requireViewer } from '../lib/require-viewer';
import { getUserById, hasPassword } from '@/server/accounts/service';
import { getDatabase } from '@/server/db';
import { AccountDetails } from './account-details';
import { ApiTokens } from './api-tokens';
import { EmailVerification } from './email-verification';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requireViewer('/account');
  const user = await getUserById(getDatabase(), viewer.userId);
  return (
    <div className="page page-medium">
      <h1>Your account</h1>
      {user && !user.emailVerifiedAt ? <EmailVerification /> : null}
      <AccountDetails name={viewer.name} email={viewer.email} hasPassword={await hasPassword(getDatabase(), viewer.userId)} />
      <ApiTokens />
    </div>
  );
}
