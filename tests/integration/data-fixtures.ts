/** Shared set-up for the datasets / priors / gold standards integration tests. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Viewer } from '@/server/context';
import { createProject } from '@/server/projects/service';
import type { Harness } from './harness';
import { joinProject } from './members-fixture';

export const fixture = (name: string): string => fs.readFileSync(path.join(process.cwd(), 'tests/fixtures', name), 'utf8');

export interface Team {
  projectId: string;
  owner: Viewer;
  editor: Viewer;
  viewer: Viewer;
  outsider: Viewer;
}

/** A project with an owner, an editor and a viewer, and a signed-in user who is not a member. */
export async function team(h: Harness, name = 'Haematopoiesis'): Promise<Team> {
  const owner = await h.user('Owner');
  const editor = await h.user('Editor');
  const viewer = await h.user('Viewer');
  const outsider = await h.user('Outsider');
  const ctx = h.context(owner);
  const project = await createProject(ctx, { name });
  await joinProject(h, ctx, project.id, editor, 'editor');
  await joinProject(h, ctx, project.id, viewer, 'viewer');
  return { projectId: project.id, owner, editor, viewer, outsider };
}

export const dataTables = [
  'datasets',
  'dataset_trajectories',
  'prior_networks',
  'prior_versions',
  'prior_edges',
  'gold_standards',
  'gold_standard_edges',
  'audit_events',
];

/** Runs an operation expected to fail; checks the code and that no data table changed. Returns the error. */
export async function expectRefused(h: Harness, query: string, variables: Record<string, unknown>, viewer: Viewer | null, code: string) {
  const before = await h.counts(...dataTables);
  const result = await h.gql(query, variables, viewer);
  const error = result.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
  expect(await h.counts(...dataTables)).toEqual(before);
  return { message: error!.message, extensions: error!.extensions ?? {} };
}

/** Runs an operation expected to succeed and returns its data. */
export async function ok<T = Record<string, any>>(h: Harness, query: string, variables: Record<string, unknown>, viewer: Viewer): Promise<T> {
  const result = await h.gql<T>(query, variables, viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}
