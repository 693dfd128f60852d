/// <reference types="vite/client" />
/**
 * The authorisation walk: every Query and Mutation field of the schema, run by an anonymous caller,
 * a signed-in non-member, a viewer, an editor and an owner of the project it concerns. A field without
 * a case fails the test, so every new field states who may use it: add it to
 * `authorization/<domain>.cases.ts` (see authorization/types.ts).
 *
 * Rules: `anyone`, `signed-in`, or the least project role needed. Below it: anonymous callers get
 * UNAUTHENTICATED, non-members NOT_FOUND (ids leak nothing), members with too small a role FORBIDDEN.
 * A refused call must change no table.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { schema } from '@/server/graphql/schema';
import { inviteMember } from '@/server/projects/members';
import { createProject } from '@/server/projects/service';
import type { Case, Cases, Fixture, Need } from './authorization/types';
import { forEachBackend } from './harness';
import { joinProject } from './members-fixture';

type Actor = 'anonymous' | 'outsider' | 'viewer' | 'editor' | 'owner';
type RootType = 'Query' | 'Mutation';

const caseFiles = import.meta.glob<Cases>('./authorization/*.cases.ts', { eager: true, import: 'default' });
const cases: Record<RootType, Record<string, Case>> = { Query: {}, Mutation: {} };
const duplicates: string[] = [];
for (const file of Object.values(caseFiles)) {
  for (const root of ['Query', 'Mutation'] as const) {
    for (const [field, c] of Object.entries(file[root] ?? {})) {
      if (cases[root][field]) duplicates.push(`${root}.${field}`);
      cases[root][field] = c;
    }
  }
}

const actors: Actor[] = ['anonymous', 'outsider', 'viewer', 'editor', 'owner'];
const rank: Record<Actor, number> = { anonymous: -1, outsider: 0, viewer: 1, editor: 2, owner: 3 };
const needRank: Record<Need, number> = { anyone: -1, 'signed-in': 0, viewer: 1, editor: 2, owner: 3 };
/** Every table of db/schema.ts: a refused call changes none of them. */
const tables = [
  'users',
  'user_sessions',
  'auth_throttle',
  'identities',
  'api_tokens',
  'projects',
  'memberships',
  'invitations',
  'audit_events',
  'datasets',
  'dataset_trajectories',
  'prior_networks',
  'prior_versions',
  'prior_edges',
  'gold_standards',
  'gold_standard_edges',
  'sweeps',
  'runs',
  'run_epochs',
  'inferred_edges',
  'run_metrics',
  'edge_reviews',
  'edge_comments',
  'review_verdicts',
  'review_verdict_changes',
  'edge_comment_revisions',
  'review_version_links',
  'notifications',
  'synthetic_benchmarks',
];

/** What the rules say: null when allowed, otherwise the expected error code. */
function expectedOutcome(need: Need, actor: Actor): string | null {
  if (rank[actor] >= needRank[need]) return null;
  if (actor === 'anonymous') return 'UNAUTHENTICATED';
  if (actor === 'outsider') return 'NOT_FOUND';
  return 'FORBIDDEN';
}

describe('authorisation table', () => {
  it('has exactly one case for every Query and Mutation field of the schema', () => {
    expect(duplicates, 'fields with cases in two files').toEqual([]);
    for (const root of ['Query', 'Mutation'] as const) {
      const rootType = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
      const fields = Object.keys(rootType?.getFields() ?? {});
      const missing = fields.filter((f) => !cases[root][f]);
      const stale = Object.keys(cases[root]).filter((f) => !fields.includes(f));
      expect(missing, `${root} fields without an authorisation case (add them to tests/integration/authorization/)`).toEqual([]);
      expect(stale, `${root} cases for fields the schema no longer has`).toEqual([]);
    }
  });
});

await forEachBackend('authorisation walk', (h) => {
  let users: Fixture['users'] | undefined;

  async function fixture(actor: Actor): Promise<Fixture> {
    users ??= {
      owner: await h.user('Owner'),
      coOwner: await h.user('Co Owner'),
      editor: await h.user('Editor'),
      viewer: await h.user('Viewer'),
      outsider: await h.user('Outsider'),
    };
    const owner = h.context(users.owner);
    const project = await createProject(owner, { name: 'Authorisation fixture' });
    await joinProject(h, owner, project.id, users.coOwner, 'owner');
    await joinProject(h, owner, project.id, users.editor, 'editor');
    await joinProject(h, owner, project.id, users.viewer, 'viewer');
    const invitation = await inviteMember(owner, { projectId: project.id, email: `pending-${randomUUID()}@example.org`, role: 'viewer' });
    const actorViewer = actor === 'anonymous' ? null : users[actor];
    return {
      h,
      projectId: project.id,
      invitationId: invitation.id,
      invitationToken: invitation.invitationPath.replace('/invite/', ''),
      users,
      actor: actorViewer,
      owner,
    };
  }

  for (const root of ['Query', 'Mutation'] as const) {
    for (const [field, c] of Object.entries(cases[root])) {
      for (const actor of actors) {
        const expected = expectedOutcome(c.need, actor);
        it(`${root}.${field} as ${actor}: ${expected ?? 'allowed'}`, async () => {
          const f = await fixture(actor);
          const variables = (await c.variables?.(f)) ?? {};
          const before = await h.counts(...tables);
          const result = await h.gql(c.query, variables, f.actor);
          if (expected === null) {
            expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
            expect(result.data).toHaveProperty(field);
          } else {
            expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(expected);
            expect(result.data?.[field] ?? null).toBeNull();
            expect(await h.counts(...tables)).toEqual(before);
          }
        });
      }
    }
  }
});
