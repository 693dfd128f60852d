import type { Metadata } from 'next';
import { requireViewer } from './lib/require-viewer';
import { ProjectList } from './projects/project-list';

export const metadata: Metadata = { title: 'Projects' };

export default async function HomePage() {
  await requireViewer('/');
  return (
    <div className="page">
      <ProjectList />
    </div>
  );
}
