'use client';
import { useState } from 'react';
import { ErrorAlert, OkAlert } from '@/app/components/alerts';
import { SubmitButton } from '@/app/components/submit-button';
import { TextAreaField, TextField } from '@/app/components/field';
import { graphql } from '@/app/lib/graphql';
import { gql } from '@/app/lib/graphql-client';
import { useFormSubmit } from '@/app/lib/use-form-submit';
import { formatDate } from '@/app/lib/format';
import type { ProjectOverview } from './types';

const UPDATE_PROJECT = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { id } }
`);

export function DetailsCard({ project, onChanged }: { project: ProjectOverview; onChanged: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const canEdit = project.myRole === 'owner';
  return (
    <section className="card stack" aria-labelledby="about-heading">
      <div className="row">
        <h2 id="about-heading" className="card-heading">
          About
        </h2>
        <span className="spacer" />
        {canEdit && !editing ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            Edit details
          </button>
        ) : null}
      </div>
      {editing ? (
        <EditForm
          project={project}
          onDone={async (changed) => {
            if (changed) {
              await onChanged();
              setSaved(true);
            }
            setEditing(false);
          }}
        />
      ) : (
        <>
          <OkAlert>{saved ? 'Project details saved.' : undefined}</OkAlert>
          {project.description ? <p className="prewrap">{project.description}</p> : <p className="muted">No description yet.</p>}
          <p className="muted small">Created {formatDate(project.createdAt)}</p>
        </>
      )}
    </section>
  );
}

function EditForm({ project, onDone }: { project: ProjectOverview; onDone: (changed: boolean) => Promise<void> }) {
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const { errors, busy, submit } = useFormSubmit(['name', 'description'], { staysBusy: true });

  const onSubmit = submit(async () => {
    // Only what changed, so the activity log says what really happened.
    const input = {
      ...(name !== project.name ? { name } : {}),
      ...(description !== project.description ? { description } : {}),
    };
    if (Object.keys(input).length === 0) return onDone(false);
    await gql(UPDATE_PROJECT, { id: project.id, input });
    await onDone(true);
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Edit project details">
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField label="Project name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} autoFocus />
      <TextAreaField
        label="Description"
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.fields.description}
      />
      <div className="row">
        <SubmitButton busy={busy} busyLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" className="btn" onClick={() => void onDone(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
