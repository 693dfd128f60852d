/// <reference types="vite/client" />
/**
 * Every Query and Mutation field of the authorisation walk, called by the project's owner with each id
 * it takes replaced by text that is not a UUID (issue 17: a non-UUID `sweepId` was a masked internal
 * error). The answer must be a user error (BAD_USER_INPUT or NOT_FOUND), never INTERNAL_SERVER_ERROR.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { inviteMember } from '@/server/projects/members';
import { createProject } from '@/server/projects/service';
import type { Cases, Fixture } from './authorization/types';
import { forEachBackend } from './harness';
import { joinProject } from './members-fixture';

const caseFiles = import.meta.glob<Cases>('./authorization/*.cases.ts', { eager: true, import: 'default' });
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Copies `value` with every UUID string replaced, and says whether there was one. */
function withMalformedIds(value: unknown): { value: unknown; replaced: boolean } {
  if (typeof value === 'string' && uuid.test(value)) return { value: `${value.slice(0, 8)}-not-a-uuid`, replaced: true };
  if (Array.isArray(value)) {
    const items = value.map(withMalformedIds);
    return { value: items.map((i) => i.value), replaced: items.some((i) => i.replaced) };
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, withMalformedIds(v)] as const);
    return { value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])), replaced: entries.some(([, v]) => v.replaced) };
  }
  return { value, replaced: false };
}

await forEachBackend('malformed ids', (h) => {
  let users: Fixture['users'] | undefined;

  async function fixture(): Promise<Fixture> {
    users ??= {
      owner: await h.user('Owner'),
      coOwner: await h.user('Co Owner'),
      editor: await h.user('Editor'),
      viewer: await h.user('Viewer'),
      outsider: await h.user('Outsider'),
    };
    const owner = h.context(users.owner);
    const project = await createProject(owner, { name: 'Malformed ids' });
    await joinProject(h, owner, project.id, users.viewer, 'viewer');
    const invitation = await inviteMember(owner, { projectId: project.id, email: `pending-${randomUUID()}@example.org`, role: 'viewer' });
    return {
      h,
      projectId: project.id,
      invitationId: invitation.id,
      invitationToken: invitation.invitationPath.replace('/invite/', ''),
      users,
      actor: users.owner,
      owner,
    };
  }

  for (const file of Object.values(caseFiles)) {
    for (const root of ['Query', 'Mutation'] as const) {
      for (const [field, c] of Object.entries(file[root] ?? {})) {
        it(`${root}.${field} with malformed ids: a user error`, async () => {
          const f = await fixture();
          const { value, replaced } = withMalformedIds((await c.variables?.(f)) ?? {});
          if (!replaced) return;
          const result = await h.gql(c.query, value as Record<string, unknown>, f.actor);
          const codes = (result.errors ?? []).map((e) => e.extensions?.code);
          expect(codes, JSON.stringify(result.errors)).not.toContain('INTERNAL_SERVER_ERROR');
        });
      }
    }
  }
});
