'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorAlert, Loading } from '../components/alerts';
import { SubmitButton } from '../components/submit-button';
import { TextAreaField, TextField } from '../components/field';
import { graphql, type ResultOf } from '../lib/graphql';
import { gql } from '../lib/graphql-client';
import { errorMessage } from '../lib/form-errors';
import { formatRelative } from '../lib/format';
import { roleBadgeClass, roleLabel } from '../lib/roles';
import { useFormSubmit } from '../lib/use-form-submit';
import { useHydrated } from '../lib/use-hydrated';

const PROJECTS = graphql(`
  query Projects { projects { id name description myRole updatedAt } demoProjectOffered }
`);
type ProjectSummary = ResultOf<typeof PROJECTS>['projects'][number];
const OPEN_DEMO = graphql(`mutation OpenDemoProject { openDemoProject { id } }`);

const CREATE_PROJECT = graphql(`
  mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id } }
`);

export function ProjectList() {
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [demoOffered, setDemoOffered] = useState(false);

  useEffect(() => {
    gql(PROJECTS)
      .then((d) => {
        setProjects(d.projects);
        setDemoOffered(d.demoProjectOffered);
      })
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
      <aside aria-labelledby="create-heading" className="stack">
        {demoOffered ? <OpenDemoCard /> : null}
        <CreateProjectForm />
      </aside>
    </div>
  );
}

/** Each account gets its own copy of the demo project on request: nothing shared, nothing to sign in as. */
function OpenDemoCard() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const hydrated = useHydrated();
  return (
    <section className="card stack" aria-labelledby="demo-heading">
      <h2 id="demo-heading" className="card-heading">
        Demo project
      </h2>
      <p className="small">
        Your own copy of the DASH paper&rsquo;s SIM350 benchmark: the dataset, a prior with 5% noise, the true network, and finished DASH and IMP runs to
        compare. Change it as you like; nobody else sees it.
      </p>
      <ErrorAlert>{error}</ErrorAlert>
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || !hydrated}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            const { openDemoProject } = await gql(OPEN_DEMO);
            router.push(`/projects/${openDemoProject.id}`);
          } catch (e) {
            setError(errorMessage(e));
            setBusy(false);
          }
        }}
      >
        {busy ? 'Preparing the demo (a few seconds)…' : 'Open the demo project'}
      </button>
    </section>
  );
}

function CreateProjectForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { errors, busy, submit } = useFormSubmit(['name', 'description'], { staysBusy: true });
  const hydrated = useHydrated();

  const onSubmit = submit(async () => {
    const { createProject } = await gql(CREATE_PROJECT, { input: { name, description } });
    router.push(`/projects/${createProject.id}`);
  });

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
      <SubmitButton busy={busy} busyLabel="Creating…" disabled={!hydrated}>
        Create project
      </SubmitButton>
    </form>
  );
}
