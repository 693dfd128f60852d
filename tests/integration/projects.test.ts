import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Viewer } from '@/server/context';
import { firstError, forEachBackend, type Harness } from './harness';

const CREATE = `mutation Create($input: CreateProjectInput!) { createProject(input: $input) { id name description myRole } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { id name description } }`;
const DELETE = `mutation Delete($id: ID!) { deleteProject(id: $id) }`;
const PROJECT = `query Project($id: ID!) {
  project(id: $id) {
    id name myRole
    members { id status email name role user { id } }
    activity(limit: 50) { action objectType objectId actorName details }
  }
}`;
const PROJECTS = `query Projects { projects { id name myRole } }`;
const INVITE = `mutation Invite($projectId: ID!, $email: String!, $role: ProjectRole!) {
  inviteMember(projectId: $projectId, email: $email, role: $role) { id status email role user { id } invitationPath expiresAt }
}`;
const ACCEPT = `mutation Accept($token: String!) { acceptInvitation(token: $token) { id myRole } }`;
const DECLINE = `mutation Decline($token: String!) { declineInvitation(token: $token) }`;
const PREVIEW = `query Preview($token: String!) { invitation(token: $token) { projectName role invitedByName email status alreadyMember } }`;
const CHANGE_ROLE = `mutation ChangeRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {
  changeMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }
}`;
const REMOVE = `mutation Remove($projectId: ID!, $userId: ID!) { removeMember(projectId: $projectId, userId: $userId) }`;
const LEAVE = `mutation Leave($projectId: ID!) { leaveProject(projectId: $projectId) }`;
const CANCEL = `mutation Cancel($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id } }`;
const ME = `query Me { me { id } }`;
const tables = ['users', 'projects', 'memberships', 'invitations', 'audit_events', 'api_tokens'];

const tokenOf = (path: string): string => path.replace(/^\/invite\//, '');

/** The owner invites, the member accepts through the link: the only way into a project. */
async function join(h: Harness, owner: Viewer, projectId: string, member: Viewer, role: string): Promise<void> {
  const invited = await h.gql(INVITE, { projectId, email: member.email, role }, owner);
  expect(invited.errors).toBeUndefined();
  const accepted = await h.gql(ACCEPT, { token: tokenOf(invited.data!.inviteMember.invitationPath) }, member);
  expect(accepted.errors).toBeUndefined();
}

async function createProject(h: Harness, owner: Viewer, name = 'Yeast cell cycle'): Promise<string> {
  const result = await h.gql(CREATE, { input: { name } }, owner);
  expect(result.errors).toBeUndefined();
  return result.data!.createProject.id;
}

/** Runs a mutation expected to be refused; checks the code and that no table changed. */
async function expectRefused(h: Harness, query: string, variables: Record<string, unknown>, viewer: Viewer | null, code: string, message?: RegExp) {
  const before = await h.counts(...tables);
  const result = await h.gql(query, variables, viewer);
  const error = firstError(result);
  expect(error?.code, JSON.stringify(result.errors)).toBe(code);
  if (message) expect(error?.message).toMatch(message);
  expect(await h.counts(...tables)).toEqual(before);
  return error!;
}

await forEachBackend('projects and members', (h) => {
  it('creates a project with the creator as owner, lists it with my role, and audits it', async () => {
    const ada = await h.user('Ada');
    const created = await h.gql(CREATE, { input: { name: '  Yeast  ', description: 'Cell cycle GRN' } }, ada);
    expect(created.data?.createProject).toMatchObject({ name: 'Yeast', description: 'Cell cycle GRN', myRole: 'owner' });
    const id = created.data!.createProject.id;
    const listed = await h.gql(PROJECTS, {}, ada);
    expect(listed.data?.projects).toEqual([{ id, name: 'Yeast', myRole: 'owner' }]);
    const page = await h.gql(PROJECT, { id }, ada);
    expect(page.data?.project.members).toEqual([{ id: ada.userId, status: 'active', email: ada.email, name: 'Ada', role: 'owner', user: { id: ada.userId } }]);
    expect(page.data?.project.activity).toEqual([
      { action: 'project.create', objectType: 'project', objectId: id, actorName: 'Ada', details: { name: 'Yeast' } },
    ]);
  });

  it('refuses bad project input with the field named, storing nothing', async () => {
    const ada = await h.user('Ada');
    const id = await createProject(h, ada);
    const e1 = await expectRefused(h, CREATE, { input: { name: 'x'.repeat(121) } }, ada, 'BAD_USER_INPUT', /at most 120/);
    expect(e1.field).toBe('name');
    const e2 = await expectRefused(h, CREATE, { input: { name: '   ' } }, ada, 'BAD_USER_INPUT', /Give the project a name/);
    expect(e2.field).toBe('name');
    const e3 = await expectRefused(h, CREATE, { input: { name: 'ok', description: 'd'.repeat(2001) } }, ada, 'BAD_USER_INPUT', /at most 2000/);
    expect(e3.field).toBe('description');
    await expectRefused(h, UPDATE, { id, input: {} }, ada, 'BAD_USER_INPUT', /Nothing to change/);
    await expectRefused(h, UPDATE, { id, input: { name: 'y'.repeat(121) } }, ada, 'BAD_USER_INPUT', /at most 120/);
    await expectRefused(h, CREATE, { input: { name: 'anon' } }, null, 'UNAUTHENTICATED');
    // Wrong types are caught by GraphQL itself, before any resolver.
    const typed = await h.gql(CREATE, { input: { name: 5 } }, ada);
    expect(firstError(typed)?.code).toBe('BAD_USER_INPUT');
  });

  it("answers unknown, malformed and other labs' project ids alike with NOT_FOUND, changing nothing", async () => {
    const ada = await h.user('Ada');
    const eve = await h.user('Eve');
    const adaProject = await createProject(h, ada);
    const forged = await expectRefused(h, PROJECT, { id: adaProject }, eve, 'NOT_FOUND');
    const unknown = await expectRefused(h, PROJECT, { id: randomUUID() }, eve, 'NOT_FOUND');
    const malformed = await expectRefused(h, PROJECT, { id: "1' or '1'='1" }, eve, 'NOT_FOUND');
    expect(forged.message).toBe(unknown.message);
    expect(malformed.message).toBe(unknown.message);
    await expectRefused(h, UPDATE, { id: adaProject, input: { name: 'mine now' } }, eve, 'NOT_FOUND');
    await expectRefused(h, DELETE, { id: adaProject }, eve, 'NOT_FOUND');
    await expectRefused(h, INVITE, { projectId: adaProject, email: eve.email, role: 'owner' }, eve, 'NOT_FOUND');
    await expectRefused(h, LEAVE, { projectId: adaProject }, eve, 'NOT_FOUND');
    expect((await h.gql(PROJECTS, {}, eve)).data?.projects).toEqual([]);
  });

  it('lets owners rename; editors and viewers may not', async () => {
    const [ada, ed, vi] = [await h.user('Ada'), await h.user('Ed'), await h.user('Vi')];
    const id = await createProject(h, ada);
    await join(h, ada, id, ed, 'editor');
    await join(h, ada, id, vi, 'viewer');
    await expectRefused(h, UPDATE, { id, input: { name: 'Editor was here' } }, ed, 'FORBIDDEN', /needs the owner role in the project; you are an editor/);
    await expectRefused(h, UPDATE, { id, input: { name: 'Viewer was here' } }, vi, 'FORBIDDEN');
    const renamed = await h.gql(UPDATE, { id, input: { name: 'Yeast v2', description: 'More data' } }, ada);
    expect(renamed.data?.updateProject).toMatchObject({ name: 'Yeast v2', description: 'More data' });
    const activity = (await h.gql(PROJECT, { id }, vi)).data!.project.activity;
    expect(activity[0]).toMatchObject({
      action: 'project.update',
      actorName: 'Ada',
      details: { name: { from: 'Yeast cell cycle', to: 'Yeast v2' }, description: { from: '', to: 'More data' } },
    });
  });

  it('invites by email with the same answer for existing and unknown addresses; nobody joins without accepting', async () => {
    const [ada, bob] = [await h.user('Ada'), await h.user('Bob')];
    const id = await createProject(h, ada);
    const known = (await h.gql(INVITE, { projectId: id, email: bob.email.toUpperCase(), role: 'viewer' }, ada)).data!.inviteMember;
    const unknown = (await h.gql(INVITE, { projectId: id, email: 'Carol@Example.org', role: 'editor' }, ada)).data!.inviteMember;
    // No enumeration: an existing account and an unknown email get answers of the same shape.
    const shape = (m: any) => ({
      ...m,
      id: typeof m.id,
      email: typeof m.email,
      role: typeof m.role,
      invitationPath: m.invitationPath.replace(/inv_[\w-]{43}$/, 'TOKEN'),
      expiresAt: typeof m.expiresAt,
    });
    expect(shape(known)).toEqual(shape(unknown));
    expect(known).toMatchObject({ status: 'pending', email: bob.email, user: null, invitationPath: expect.stringMatching(/^\/invite\/inv_[\w-]{43}$/) });
    const days = (new Date(known.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // Only the token's hash is stored.
    const stored = await h.query(`select token_hash from invitations where project_id = $1`, [id]);
    expect(stored.rows.map((r) => r.token_hash).join()).not.toContain(tokenOf(known.invitationPath));

    // Bob is not a member until he accepts.
    expect((await h.gql(PROJECTS, {}, bob)).data?.projects).toEqual([]);
    await expectRefused(h, PROJECT, { id }, bob, 'NOT_FOUND');
    // Signing up with an invited email grants nothing by itself.
    const carol = await h.gql(SIGN_UP, { input: { email: 'carol@example.org', name: 'Carol', password: 'long enough' } });
    const carolViewer: Viewer = { userId: carol.data!.signUp.id, email: 'carol@example.org', name: 'Carol', via: 'session' };
    expect((await h.gql(PROJECTS, {}, carolViewer)).data?.projects).toEqual([]);

    expect((await h.gql(PREVIEW, { token: tokenOf(known.invitationPath) }, bob)).data?.invitation).toEqual({
      projectName: 'Yeast cell cycle',
      role: 'viewer',
      invitedByName: 'Ada',
      email: bob.email,
      status: 'open',
      alreadyMember: false,
    });
    await expectRefused(h, PREVIEW, { token: tokenOf(known.invitationPath) }, null, 'UNAUTHENTICATED');
    expect((await h.gql(ACCEPT, { token: tokenOf(known.invitationPath) }, bob)).data?.acceptInvitation).toEqual({ id, myRole: 'viewer' });
    // Any signed-in account may accept the link it was given (here Carol's, under her own account).
    expect((await h.gql(ACCEPT, { token: tokenOf(unknown.invitationPath) }, carolViewer)).data?.acceptInvitation).toEqual({ id, myRole: 'editor' });
    const used = await expectRefused(h, ACCEPT, { token: tokenOf(known.invitationPath) }, carolViewer, 'CONFLICT', /already used/);
    expect(used.message).toMatch(/new link/);

    await expectRefused(h, INVITE, { projectId: id, email: bob.email, role: 'editor' }, ada, 'CONFLICT', /already a member/);
    await expectRefused(h, INVITE, { projectId: id, email: ada.email, role: 'viewer' }, ada, 'CONFLICT', /already a member/);
    const bad = await expectRefused(h, INVITE, { projectId: id, email: 'carol@', role: 'viewer' }, ada, 'BAD_USER_INPUT', /valid email/);
    expect(bad.field).toBe('email');
    await expectRefused(h, INVITE, { projectId: id, email: 'dan@example.org', role: 'viewer' }, bob, 'FORBIDDEN');

    const members = (await h.gql(PROJECT, { id }, ada)).data!.project.members;
    expect(members.map((m: any) => [m.name, m.status, m.role])).toEqual([
      ['Ada', 'active', 'owner'],
      ['Carol', 'active', 'editor'],
      ['Bob', 'active', 'viewer'],
    ]);
    const actions = (await h.gql(PROJECT, { id }, ada)).data!.project.activity.map((e: any) => [e.action, e.actorName]);
    expect(actions).toEqual([
      ['invitation.accept', 'Carol'],
      ['invitation.accept', 'Bob'],
      ['invitation.create', 'Ada'],
      ['invitation.create', 'Ada'],
      ['project.create', 'Ada'],
    ]);
  });

  it('declines, renews, expires and refuses forged links with clear messages', async () => {
    const [ada, bob] = [await h.user('Ada'), await h.user('Bob')];
    const id = await createProject(h, ada);
    const invite = async (email: string) => tokenOf((await h.gql(INVITE, { projectId: id, email, role: 'editor' }, ada)).data!.inviteMember.invitationPath);

    const declined = await invite(bob.email);
    expect((await h.gql(DECLINE, { token: declined }, bob)).data?.declineInvitation).toBe(true);
    await expectRefused(h, ACCEPT, { token: declined }, bob, 'CONFLICT', /was declined/);
    expect((await h.gql(PREVIEW, { token: declined }, bob)).data?.invitation.status).toBe('declined');

    // Inviting again renews the link; the old one stops working.
    const first = await invite('dora@example.org');
    const renewed = await invite('dora@example.org');
    await expectRefused(h, ACCEPT, { token: first }, bob, 'NOT_FOUND', /not valid/);
    await h.query(`update invitations set expires_at = now() - interval '1 second' where email = 'dora@example.org'`);
    await expectRefused(h, ACCEPT, { token: renewed }, bob, 'CONFLICT', /expired/);
    expect((await h.gql(PREVIEW, { token: renewed }, bob)).data?.invitation.status).toBe('expired');

    const forged = await expectRefused(h, ACCEPT, { token: `inv_${'A'.repeat(43)}` }, bob, 'NOT_FOUND');
    const garbage = await expectRefused(h, ACCEPT, { token: 'not a token' }, bob, 'NOT_FOUND');
    expect(forged.message).toBe(garbage.message);
    await expectRefused(h, ACCEPT, { token: await invite('erin@example.org') }, ada, 'CONFLICT', /already a member/);
    expect((await h.gql(PROJECTS, {}, bob)).data?.projects).toEqual([]);
  });

  it('cancels pending invitations (owners only; forged invitation ids are NOT_FOUND)', async () => {
    const [ada, ed, eve] = [await h.user('Ada'), await h.user('Ed'), await h.user('Eve')];
    const id = await createProject(h, ada);
    await join(h, ada, id, ed, 'editor');
    const invitation = (await h.gql(INVITE, { projectId: id, email: 'later@example.org', role: 'viewer' }, ada)).data!.inviteMember;
    await expectRefused(h, CANCEL, { invitationId: invitation.id }, ed, 'FORBIDDEN');
    const forged = await expectRefused(h, CANCEL, { invitationId: invitation.id }, eve, 'NOT_FOUND');
    const unknown = await expectRefused(h, CANCEL, { invitationId: randomUUID() }, ada, 'NOT_FOUND');
    expect(forged.message).toBe(unknown.message);
    expect((await h.gql(CANCEL, { invitationId: invitation.id }, ada)).data?.cancelInvitation).toBe(true);
    await expectRefused(h, CANCEL, { invitationId: invitation.id }, ada, 'NOT_FOUND');
    await expectRefused(h, ACCEPT, { token: tokenOf(invitation.invitationPath) }, eve, 'CONFLICT', /cancelled/);
    const members = (await h.gql(PROJECT, { id }, ada)).data!.project.members;
    expect(members.map((m: any) => m.email)).not.toContain('later@example.org');
    // Signing up later with that email no longer joins the project.
    await h.gql(SIGN_UP, { input: { email: 'later@example.org', name: 'Later', password: 'long enough' } });
    const after = await h.query(`select count(*)::int as n from memberships where project_id = $1`, [id]);
    expect(after.rows[0].n).toBe(2);
  });

  it('changes roles and removes members; the last owner can be neither demoted nor removed', async () => {
    const [ada, bob, cy] = [await h.user('Ada'), await h.user('Bob'), await h.user('Cy')];
    const id = await createProject(h, ada);
    await join(h, ada, id, bob, 'viewer');
    await join(h, ada, id, cy, 'viewer');

    await expectRefused(h, CHANGE_ROLE, { projectId: id, userId: ada.userId, role: 'editor' }, ada, 'CONFLICT', /at least one owner/);
    await expectRefused(h, REMOVE, { projectId: id, userId: ada.userId }, ada, 'CONFLICT', /last owner cannot be removed/);
    await expectRefused(h, CHANGE_ROLE, { projectId: id, userId: cy.userId, role: 'owner' }, bob, 'FORBIDDEN');
    await expectRefused(h, REMOVE, { projectId: id, userId: cy.userId }, bob, 'FORBIDDEN');
    await expectRefused(h, CHANGE_ROLE, { projectId: id, userId: randomUUID(), role: 'editor' }, ada, 'NOT_FOUND', /Member was not found/);
    await expectRefused(h, REMOVE, { projectId: id, userId: 'nope' }, ada, 'NOT_FOUND');

    const promoted = await h.gql(CHANGE_ROLE, { projectId: id, userId: bob.userId, role: 'owner' }, ada);
    expect(promoted.data?.changeMemberRole).toEqual({ id: bob.userId, role: 'owner' });
    // With a second owner, the first may step down.
    expect((await h.gql(CHANGE_ROLE, { projectId: id, userId: ada.userId, role: 'editor' }, ada)).errors).toBeUndefined();
    await expectRefused(h, CHANGE_ROLE, { projectId: id, userId: bob.userId, role: 'viewer' }, bob, 'CONFLICT');

    expect((await h.gql(REMOVE, { projectId: id, userId: cy.userId }, bob)).data?.removeMember).toBe(true);
    await expectRefused(h, PROJECT, { id }, cy, 'NOT_FOUND');
    const actions = (await h.gql(PROJECT, { id }, bob)).data!.project.activity.map((e: any) => [e.action, e.details]);
    expect(actions.slice(0, 3)).toEqual([
      ['member.remove', { email: cy.email, role: 'viewer' }],
      ['member.role_change', { email: ada.email, from: 'owner', to: 'editor' }],
      ['member.role_change', { email: bob.email, from: 'viewer', to: 'owner' }],
    ]);
  });

  it('lets any member leave, except the last owner', async () => {
    const [ada, bob] = [await h.user('Ada'), await h.user('Bob')];
    const id = await createProject(h, ada);
    await join(h, ada, id, bob, 'editor');
    await expectRefused(h, LEAVE, { projectId: id }, ada, 'CONFLICT', /You are the last owner of this project/);
    expect((await h.gql(LEAVE, { projectId: id }, bob)).data?.leaveProject).toBe(true);
    expect((await h.gql(PROJECTS, {}, bob)).data?.projects).toEqual([]);
    await join(h, ada, id, bob, 'owner');
    expect((await h.gql(LEAVE, { projectId: id }, ada)).data?.leaveProject).toBe(true);
    const page = (await h.gql(PROJECT, { id }, bob)).data!.project;
    expect(page.members.map((m: any) => [m.name, m.role])).toEqual([['Bob', 'owner']]);
    expect(page.activity[0]).toMatchObject({ action: 'member.leave', actorName: 'Ada', details: { role: 'owner' } });
  });

  it('deletes a project (owners only) with everything in it; the audit event survives', async () => {
    const [ada, ed] = [await h.user('Ada'), await h.user('Ed')];
    const id = await createProject(h, ada, 'Doomed');
    await join(h, ada, id, ed, 'editor');
    await h.gql(INVITE, { projectId: id, email: 'pending@example.org', role: 'viewer' }, ada);
    await expectRefused(h, DELETE, { id }, ed, 'FORBIDDEN');
    expect((await h.gql(DELETE, { id }, ada)).data?.deleteProject).toBe(true);
    await expectRefused(h, PROJECT, { id }, ada, 'NOT_FOUND');
    const left = await h.query(
      `select (select count(*)::int from memberships where project_id = $1) as m, (select count(*)::int from invitations where project_id = $1) as i`,
      [id],
    );
    expect(left.rows[0]).toEqual({ m: 0, i: 0 });
    const audit = await h.query(`select action, project_id, details from audit_events where object_id = $1 and action = 'project.delete'`, [id]);
    expect(audit.rows).toEqual([{ action: 'project.delete', project_id: null, details: { name: 'Doomed' } }]);
  });

  it('limits activity to 1..200 events, newest first', async () => {
    const ada = await h.user('Ada');
    const id = await createProject(h, ada);
    for (let i = 0; i < 3; i++) await h.gql(UPDATE, { id, input: { description: `rev ${i}` } }, ada);
    const q = `query A($id: ID!, $limit: Int) { project(id: $id) { activity(limit: $limit) { action details } } }`;
    const two = await h.gql(q, { id, limit: 2 }, ada);
    expect(two.data?.project.activity.map((e: any) => e.details.description.to)).toEqual(['rev 2', 'rev 1']);
    const zero = await h.gql(q, { id, limit: 0 }, ada);
    expect(firstError(zero)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('masks unexpected failures: logged with cause and an id, returned without internals', async () => {
    const ada = await h.user('Ada');
    const failingDb = new Proxy(
      {},
      {
        get() {
          throw new Error('connect ECONNREFUSED secret-db-host:5432', { cause: new Error('socket closed') });
        },
      },
    );
    const result = await h.execute(ME, {}, { ...h.context(ada), db: failingDb as never });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = error?.extensions?.errorId as string;
    expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.message).toBe(`Internal server error (id ${errorId}). The details are in the server log.`);
    expect(JSON.stringify(result)).not.toMatch(/secret-db-host|ECONNREFUSED|stack/);
    const logged = h.logs.find((l) => l.data?.errorId === errorId);
    expect(logged?.level).toBe('error');
    const cause = logged?.data?.error as Error;
    expect(cause.message).toMatch(/secret-db-host/);
    expect((cause.cause as Error).message).toBe('socket closed');
  });

  it('refuses over-costly queries before running them; keeps GraphQL validation codes', async () => {
    const ada = await h.user('Ada');
    const costly = `query Costly { projects { activity(limit: 200) { id action objectType objectId actorId actorName details createdAt } } }`;
    const refused = await h.gql(costly, {}, ada);
    expect(firstError(refused)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: expect.stringMatching(/estimated cost of \d+; the limit is 30000/),
    });
    expect(refused.errors?.[0].extensions?.reason).toBe('QUERY_TOO_COSTLY');
    const reasonable = await h.gql(`query { projects { id activity(limit: 20) { id action } } }`, {}, ada);
    expect(reasonable.errors).toBeUndefined();
    const unknownField = await h.gql(`query { projects { secretColumn } }`, {}, ada);
    expect(firstError(unknownField)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: expect.stringMatching(/Cannot query field "secretColumn"/) });
    const syntax = await h.gql(`query { projects { id `, {}, ada);
    expect(firstError(syntax)?.code).toBe('GRAPHQL_PARSE_FAILED');
    const introspection = await h.gql(`query { __schema { queryType { name } } }`);
    expect(introspection.data?.__schema.queryType.name).toBe('Query');
  });
});
