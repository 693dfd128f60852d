import { inviteMember } from '@/server/projects/members';
import { createProject } from '@/server/projects/service';
import type { Cases } from './types';

export default {
  Query: {
    invitation: {
      need: 'signed-in',
      query: `query($t: String!) { invitation(token: $t) { projectName status } }`,
      variables: (f) => ({ t: f.invitationToken }),
    },
    demoProjectOffered: { need: 'signed-in', query: `{ demoProjectOffered }` },
    projects: { need: 'signed-in', query: `{ projects { id myRole } }` },
    project: {
      need: 'viewer',
      query: `query($id: ID!) { project(id: $id) { id myRole members { id } activity { id } } }`,
      variables: (f) => ({ id: f.projectId }),
    },
  },
  Mutation: {
    acceptInvitation: {
      need: 'signed-in',
      query: `mutation($t: String!) { acceptInvitation(token: $t) { id } }`,
      // An invitation to a project none of the fixture's users belongs to, so every signed-in caller may take it.
      variables: async (f) => {
        const host = f.h.context(await f.h.user('Host'));
        const project = await createProject(host, { name: 'Elsewhere' });
        const { invitationPath } = await inviteMember(host, { projectId: project.id, email: 'someone@example.org', role: 'viewer' });
        return { t: invitationPath.replace('/invite/', '') };
      },
    },
    declineInvitation: {
      need: 'signed-in',
      query: `mutation($t: String!) { declineInvitation(token: $t) }`,
      variables: (f) => ({ t: f.invitationToken }),
    },
    // Seeds the caller's own demo copy (the precomputed runs, no training).
    openDemoProject: { need: 'signed-in', query: `mutation { openDemoProject { id } }` },
    createProject: { need: 'signed-in', query: `mutation { createProject(input: { name: "New project" }) { id } }` },
    updateProject: {
      need: 'owner',
      query: `mutation($id: ID!) { updateProject(id: $id, input: { name: "Renamed" }) { id } }`,
      variables: (f) => ({ id: f.projectId }),
    },
    deleteProject: {
      need: 'owner',
      query: `mutation($id: ID!) { deleteProject(id: $id) }`,
      variables: (f) => ({ id: f.projectId }),
    },
    inviteMember: {
      need: 'owner',
      query: `mutation($p: ID!) { inviteMember(projectId: $p, email: "invitee@example.org", role: viewer) { id } }`,
      variables: (f) => ({ p: f.projectId }),
    },
    changeMemberRole: {
      need: 'owner',
      query: `mutation($p: ID!, $u: ID!) { changeMemberRole(projectId: $p, userId: $u, role: editor) { id } }`,
      variables: (f) => ({ p: f.projectId, u: f.users.viewer.userId }),
    },
    removeMember: {
      need: 'owner',
      query: `mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) }`,
      variables: (f) => ({ p: f.projectId, u: f.users.viewer.userId }),
    },
    cancelInvitation: {
      need: 'owner',
      query: `mutation($i: ID!) { cancelInvitation(invitationId: $i) }`,
      variables: (f) => ({ i: f.invitationId }),
    },
    leaveProject: {
      need: 'viewer',
      query: `mutation($p: ID!) { leaveProject(projectId: $p) }`,
      variables: (f) => ({ p: f.projectId }),
    },
  },
} satisfies Cases;
