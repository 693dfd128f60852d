import type { ReactNode } from 'react';
import { requireViewer } from '@/app/lib/require-viewer';
import { ProjectProvider } from './project-context';
import { ProjectHeader } from './project-header';
import { ProjectTabs } from './project-tabs';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireViewer(`/projects/${projectId}`);
  return (
    <div className="page">
      <ProjectProvider projectId={projectId}>
        <ProjectHeader />
        <ProjectTabs projectId={projectId} />
        {children}
      </ProjectProvider>
    </div>
  );
}
