'use client';
import Link from 'next/link';
import { ErrorAlert } from '@/app/components/alerts';
import { roleBadgeClass, roleLabel } from '@/app/lib/roles';
import { useProject } from './project-context';

export function ProjectHeader() {
  const { project, error } = useProject();
  if (error) {
    return (
      <div className="stack">
        <h1>{error.code === 'NOT_FOUND' ? 'Project not found' : 'Could not load the project'}</h1>
        <ErrorAlert>
          {error.code === 'NOT_FOUND' ? 'This project does not exist, or you are not a member of it. Ask an owner to invite you.' : error.message}
        </ErrorAlert>
        <p>
          <Link href="/">Back to your projects</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page-header">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/">Projects</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="row">
        <h1 className="page-title">{project ? project.name : <span className="muted">Loading project…</span>}</h1>
        {project ? (
          <span className={roleBadgeClass(project.myRole)} title="Your role in this project">
            <span className="sr-only">Your role: </span>
            {roleLabel(project.myRole)}
          </span>
        ) : null}
      </div>
    </div>
  );
}
