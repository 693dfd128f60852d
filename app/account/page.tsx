import type { Metadata } from 'next';
import { requireViewer } from '../lib/require-viewer';
import { ApiTokens } from './api-tokens';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requireViewer('/account');
  return (
    <div className="page page-medium">
      <h1>Your account</h1>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading" className="card-heading">
          Details
        </h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{viewer.name}</dd>
          <dt>Email</dt>
          <dd>{viewer.email}</dd>
        </dl>
      </section>
      <ApiTokens />
    </div>
  );
}
