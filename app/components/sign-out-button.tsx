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
        // Go to this site's own sign-in page, whatever NEXTAUTH_URL says (next-auth's redirect uses it).
        void signOut({ redirect: false }).finally(() => window.location.assign('/signin'));
      }}
    >
      Sign out
    </button>
  );
}
