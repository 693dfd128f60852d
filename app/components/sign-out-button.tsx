'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useHydrated } from '../lib/use-hydrated';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className="btn btn-small"
      disabled={busy || !hydrated}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: '/signin' });
      }}
    >
      Sign out
    </button>
  );
}
