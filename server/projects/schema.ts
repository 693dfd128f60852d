import { UserRef } from '../accounts/schema';
import { AuditEventPageRef, AuditEventRef } from '../audit/schema';
import { listProjectActivity, projectActivityPage } from '../audit/service';
import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits, pageOf } from '../paging';
import * as invitations from './invitations';
import * as members from './members';
import * as projects from './service';

export const ProjectRoleEnum = builder.enumType('ProjectRole', {
  description: 'viewer: reads. editor: also writes project content. owner: also manages the project and its members.',
  values: ['owner', 'editor', 'viewer'] as const,
});

const MemberStatusEnum = builder.enumType('MemberStatus', {
  description: 'pending: invited; joins once the recipient accepts through the invitation link.',
  values: ['active', 'pending'] as const,
});

const ProjectMemberRef = builder.objectRef<members.ProjectMemberRecord & { invitationPath?: string }>('ProjectMember').implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The user id when active, the invitation id when pending.' }),
    status: t.expose('status', { type: MemberStatusEnum }),
    user: t.expose('user', { type: UserRef, nullable: true }),
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
    role: t.expose('role', { type: ProjectRoleEnum }),
    since: t.expose('since', { type: 'DateTime', description: 'When the member joined or was invited.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'Pending: when the invitation link stops working.' }),
    invitationPath: t.string({
      nullable: true,
      description:
        'Only in the answer of inviteMember: the one-time link (`/invite/<token>`) to give the recipient. Only its hash is stored, so it is shown this once; invite again for a new one.',
      resolve: (m) => m.invitationPath ?? null,
    }),
  }),
});

const InvitationStatusEnum = builder.enumType('InvitationStatus', {
  values: ['open', 'accepted', 'declined', 'cancelled', 'expired'] as const,
});

const InvitationPreviewRef = builder.objectRef<invitations.InvitationPreviewRecord>('InvitationPreview').implement({
  description: 'What an invitation link offers, shown to the signed-in holder of the link before they answer.',
  fields: (t) => ({
    projectName: t.exposeString('projectName'),
    role: t.expose('role', { type: ProjectRoleEnum }),
    invitedByName: t.exposeString('invitedByName', { nullable: true }),
    email: t.exposeString('email', { description: 'The address the owner sent it to (any account may accept).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    status: t.expose('status', { type: InvitationStatusEnum }),
    alreadyMember: t.exposeBoolean('alreadyMember'),
  }),
});

export const ProjectRef = builder.objectRef<projects.ProjectRecord>('Project').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    myRole: t.expose('myRole', { type: ProjectRoleEnum }),
    members: t.field({
      type: [ProjectMemberRef],
      description: 'Active members (owners, editors, viewers), then pending invitations.',
      args: {
        limit: t.arg.int({ defaultValue: pageLimits.members.defaultLimit, description: pageArgDescription(pageLimits.members) }),
        offset: t.arg.int({ defaultValue: 0 }),
      },
      resolve: async (project, args, ctx) => pageOf(await members.listMembers(ctx, project.id), args, pageLimits.members),
    }),
    activity: t.field({
      type: [AuditEventRef],
      description: 'Recent audit events, newest first.',
      args: { limit: t.arg.int({ defaultValue: 20, description: '1 to 200' }) },
      resolve: (project, { limit }, ctx) => listProjectActivity(ctx, project.id, limit ?? 20),
    }),
    activityPage: t.field({
      type: AuditEventPageRef,
      description: 'The full history, newest first, paged; filter by actor, action prefix (`review`, `comment.add`) or gene.',
      args: {
        offset: t.arg.int({ defaultValue: 0 }),
        limit: t.arg.int({ defaultValue: 50, description: '1 to 200' }),
        actorId: t.arg.id(),
        kind: t.arg.string(),
        gene: t.arg.string(),
      },
      resolve: (project, a, ctx) => projectActivityPage(ctx, project.id, { ...a, actorId: a.actorId == null ? null : String(a.actorId) }),
    }),
  }),
});

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ defaultValue: '' }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  description: 'Give the fields to change; omitted fields stay as they are.',
  fields: (t) => ({ name: t.string(), description: t.string() }),
});

builder.queryFields((t) => ({
  invitation: t.field({
    type: InvitationPreviewRef,
    description: 'The invitation an invitation link names (signed-in callers; the token is the secret).',
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, ctx) => invitations.previewInvitation(ctx, token),
  }),
  projects: t.field({
    type: [ProjectRef],
    description: "The caller's projects, newest first.",
    args: {
      limit: t.arg.int({ defaultValue: pageLimits.projects.defaultLimit, description: pageArgDescription(pageLimits.projects) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (_root, args, ctx) => pageOf(await projects.listMyProjects(ctx), args, pageLimits.projects),
  }),
  project: t.field({
    type: ProjectRef,
    description: 'NOT_FOUND for unknown ids and for projects the caller is not a member of.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => projects.getProject(ctx, String(id)),
  }),
}));

builder.mutationFields((t) => ({
  createProject: t.field({
    type: ProjectRef,
    description: 'The caller becomes its owner.',
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: (_root, { input }, ctx) => projects.createProject(ctx, input),
  }),
  updateProject: t.field({
    type: ProjectRef,
    description: 'Owners only.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateProjectInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => projects.updateProject(ctx, String(id), input),
  }),
  deleteProject: t.boolean({
    description: 'Owners only. Deletes everything in the project.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => projects.deleteProject(ctx, String(id)),
  }),
  acceptInvitation: t.field({
    type: ProjectRef,
    description: "The caller joins the project with the invitation's role; the link is used up.",
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, ctx) => invitations.acceptInvitation(ctx, token),
  }),
  declineInvitation: t.boolean({
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, ctx) => invitations.declineInvitation(ctx, token),
  }),
  inviteMember: t.field({
    type: ProjectMemberRef,
    description:
      'Owners only. Creates a pending invitation (the same answer whether or not the email has an account) whose one-time link, valid 7 days, is in `invitationPath`. Nobody joins until they accept.',
    args: {
      projectId: t.arg.id({ required: true }),
      email: t.arg.string({ required: true }),
      role: t.arg({ type: ProjectRoleEnum, required: true }),
    },
    resolve: (_root, args, ctx) => members.inviteMember(ctx, { ...args, projectId: String(args.projectId) }),
  }),
  changeMemberRole: t.field({
    type: ProjectMemberRef,
    description: 'Owners only. The last owner cannot be demoted.',
    args: {
      projectId: t.arg.id({ required: true }),
      userId: t.arg.id({ required: true }),
      role: t.arg({ type: ProjectRoleEnum, required: true }),
    },
    resolve: (_root, args, ctx) => members.changeMemberRole(ctx, { projectId: String(args.projectId), userId: String(args.userId), role: args.role }),
  }),
  removeMember: t.boolean({
    description: 'Owners only. The last owner cannot be removed.',
    args: { projectId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => members.removeMember(ctx, { projectId: String(args.projectId), userId: String(args.userId) }),
  }),
  cancelInvitation: t.boolean({
    description: 'Owners only.',
    args: { invitationId: t.arg.id({ required: true }) },
    resolve: (_root, { invitationId }, ctx) => members.cancelInvitation(ctx, String(invitationId)),
  }),
  leaveProject: t.boolean({
    description: 'Any member; the last owner cannot leave.',
    args: { projectId: t.arg.id({ required: true }) },
    resolve: (_root, { projectId }, ctx) => members.leaveProject(ctx, String(projectId)),
  }),
}));
