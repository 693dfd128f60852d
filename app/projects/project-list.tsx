'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../components/alerts';
import { TextAreaField, TextField } from '../components/field';
import { gql } from '../lib/graphql-client';
import { errorMessage, noErrors, toFormErrors, type FormErrors } from '../lib/form-errors';
import { formatRelative } from '../lib/format';
import { roleBadgeClass, roleLabel, type ProjectRole } from '../lib/roles';
import { useHydrated } from '../lib/use-hydrated';

interface ProjectSummary {
  id: string;
  name: string;
  description: string;
  myRole: ProjectRole;
  updatedAt: string;
}

const PROJECTS = /* GraphQL */ `
  query Projects { projects { id name description myRole updatedAt } }
`;

const CREATE_PROJECT = /* GraphQL */ `
  mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id } }
`;

export function ProjectList() {
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    gql<{ projects: ProjectSummary[] }>(PROJECTS)
      .then((d) => setProjects(d.projects))
      .catch((e) => setLoadError(errorMessage(e)));
  }, []);

  return (
    <div className="layout-sidebar">
      <section aria-labelledby="projects-heading">
        <h1 id="projects-heading">Projects</h1>
        <ErrorAlert>{loadError}</ErrorAlert>
        {projects === null && !loadError ? <Loading what="projects" /> : null}
        {projects?.length === 0 ? (
          <div className="card empty">
            <p>You are not in any project yet.</p>
            <p className="muted small">Create one here, or ask a colleague to invite you by your email address.</p>
          </div>
        ) : null}
        {projects && projects.length > 0 ? (
          <ul className="card-list" aria-label="Your projects">
            {projects.map((p) => (
              <li key={p.id} className="card project-card">
                <div className="row">
                  <h2 className="card-title">
                    <Link href={`/projects/${p.id}`}>{p.name}</Link>
                  </h2>
                  <span className="spacer" />
                  <span className={roleBadgeClass(p.myRole)}>{roleLabel(p.myRole)}</span>
                </div>
                {p.description ? <p className="clamp-2">{p.description}</p> : null}
                <p className="muted small">Updated {formatRelative(p.updatedAt)}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <aside aria-labelledby="create-heading">
        <CreateProjectForm />
      </aside>
    </div>
  );
}

function CreateProjectForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    setBusy(true);
    try {
      const { createProject } = await gql<{ createProject: { id: string } }>(CREATE_PROJECT, {
        input: { name, description },
      });
      router.push(`/projects/${createProject.id}`);
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'description']));
      setBusy(false);
    }
  }

  return (
    <form className="card stack" method="post" onSubmit={onSubmit} noValidate aria-labelledby="create-heading">
      <h2 id="create-heading" className="card-heading">
        New project
      </h2>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
      <TextAreaField
        label="Description"
        name="description"
        hint="Optional: the organism, the question, the data."
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.fields.description}
      />
      <button type="submit" className="btn btn-primary" disabled={busy || !hydrated}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}
