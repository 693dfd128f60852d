'use client';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/alerts';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import type { ProjectOverview } from './types';

const LEAVE = graphql(`mutation LeaveProject($projectId: ID!) { leaveProject(projectId: $projectId) }`);
const DELETE = graphql(`mutation DeleteProject($id: ID!) { deleteProject(id: $id) }`);

/** Leaving is open to every member (the server keeps the last owner in); deleting to owners. */
export function MembershipCard({ project }: { project: ProjectOverview }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(question: string, mutation: () => Promise<unknown>) {
    if (!window.confirm(question)) return;
    setError(undefined);
    setBusy(true);
    try {
      await mutation();
      window.location.assign('/');
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="membership-heading">
      <h2 id="membership-heading" className="card-heading">
        Your membership
      </h2>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="row">
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          onClick={() => void run(`Leave ${project.name}? You will need a new invitation to come back.`, () => gql(LEAVE, { projectId: project.id }))}
        >
          Leave project
        </button>
        {project.myRole === 'owner' ? (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => void run(`Delete ${project.name} and everything in it? This cannot be undone.`, () => gql(DELETE, { id: project.id }))}
          >
            Delete project
          </button>
        ) : null}
      </div>
    </section>
  );
}
