import type { Metadata } from 'next';
import { ConfirmEmail } from './confirm-email';

export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

/** The page a verification link opens. Confirming takes a click, so a mail scanner fetching the link spends nothing. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="page-narrow">
      <h1>Confirm your email address</h1>
      <ConfirmEmail token={token} />
    </div>
  );
}
