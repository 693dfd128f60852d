'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { gql } from '../lib/graphql-client';
import { NavLink } from './nav-link';
import { UNREAD_COUNT } from '../projects/[projectId]/reviews/queries';

/** Pages that change what is read dispatch this, so the count follows at once. */
export const NOTIFICATIONS_CHANGED = 'grn:notifications-changed';
const POLL_MS = 30_000;

/** "Inbox" in the top bar with the number of unread notifications; refreshed on navigation and every 30 s. */
export function InboxLink() {
  const pathname = usePathname();
  const [unread, setUnread] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation re-reads the count (reading a notification clears it)
  useEffect(() => {
    let live = true;
    const load = () =>
      gql(UNREAD_COUNT)
        .then((d) => live && setUnread(d.unreadNotificationCount))
        // The count is a convenience: when it cannot be read, the link stays without it.
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [pathname]);

  return (
    <NavLink href="/inbox">
      Inbox
      {unread > 0 ? (
        <span className="inbox-count" role="status" aria-label={`${unread} unread`}>
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
