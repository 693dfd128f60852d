'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A link that marks itself current (aria-current) on its own page and, with `match`, on pages below it. */
export function NavLink({ href, match, children }: { href: string; match?: string; children: ReactNode }) {
  const pathname = usePathname() ?? '';
  const current = pathname === href || (match !== undefined && pathname.startsWith(match));
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
