'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useProject } from './project-context';

/**
 * The project's sections. Each capability adds one entry here (and its folder beside this file):
 * `segment` is the path below /projects/<id> ('' for the overview).
 */
export const PROJECT_TABS: readonly { segment: string; label: string }[] = [
  { segment: '', label: 'Overview' },
  { segment: 'datasets', label: 'Datasets' },
  { segment: 'priors', label: 'Prior networks' },
  { segment: 'gold-standards', label: 'Gold standards' },
  { segment: 'runs', label: 'Runs' },
  { segment: 'compare', label: 'Compare' },
  { segment: 'reviews', label: 'Review' },
];

export function ProjectTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname() ?? '';
  const { error } = useProject();
  if (error) return null;
  const base = `/projects/${projectId}`;
  return (
    <nav className="tabs" aria-label="Project sections">
      {PROJECT_TABS.map((tab) => {
        const href = tab.segment ? `${base}/${tab.segment}` : base;
        const current = tab.segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
        return (
          <Link key={tab.segment} href={href} aria-current={current ? 'page' : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
