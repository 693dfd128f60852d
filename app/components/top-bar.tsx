import Link from 'next/link';
import { getViewerFromSession } from '@/server/auth/session';
import { InboxLink } from './inbox-link';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

export async function TopBar() {
  const viewer = await getViewerFromSession();
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        GRN Studio
      </Link>
      {viewer ? (
        <>
          <nav aria-label="Main">
            <NavLink href="/" match="/projects">
              Projects
            </NavLink>
            <InboxLink />
            <NavLink href="/account">Account</NavLink>
          </nav>
          <span className="topbar-user" title={viewer.email}>
            <span className="sr-only">Signed in as </span>
            {viewer.name}
          </span>
          <SignOutButton />
        </>
      ) : (
        <>
          <span className="spacer" />
          <Link href="/signin">Sign in</Link>
          <Link href="/signup" className="btn btn-small">
            Sign up
          </Link>
        </>
      )}
    </header>
  );
}
