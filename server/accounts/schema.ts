import { builder } from '../graphql/builder';
import { pageArgDescription, pageLimits, pageOf } from '../paging';
import * as accounts from './service';
import * as verification from './verification';

export const UserRef = builder.objectRef<accounts.UserRecord>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    emailVerified: t.boolean({
      nullable: true,
      description: 'Whether the address is verified (see resendVerificationEmail); only on your own account, null on others.',
      resolve: (u, _args, ctx) => (ctx.viewer?.userId === u.id && u.emailVerifiedAt !== undefined ? u.emailVerifiedAt !== null : null),
    }),
  }),
});

const ApiTokenRef = builder.objectRef<accounts.ApiTokenRecord>('ApiToken').implement({
  description: 'A personal API token. Its secret is shown once, at creation; only a hash is stored.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell tokens apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiTokenRef = builder.objectRef<{ token: accounts.ApiTokenRecord; secret: string }>('CreatedApiToken').implement({
  fields: (t) => ({
    token: t.expose('token', { type: ApiTokenRef }),
    secret: t.exposeString('secret', { description: 'Send as `Authorization: Bearer <secret>`. Shown only now.' }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user; null when signed out.',
    resolve: (_root, _args, ctx) => accounts.getMe(ctx),
  }),
  myTokens: t.field({
    type: [ApiTokenRef],
    description: "The caller's API tokens, newest first, revoked ones included.",
    args: {
      limit: t.arg.int({ defaultValue: pageLimits.apiTokens.defaultLimit, description: pageArgDescription(pageLimits.apiTokens) }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (_root, args, ctx) => pageOf(await accounts.listMyTokens(ctx), args, pageLimits.apiTokens),
  }),
}));

const ChangePasswordResultRef = builder.objectRef<{ user: accounts.UserRecord; endedSessions: number }>('ChangePasswordResult').implement({
  fields: (t) => ({
    user: t.expose('user', { type: UserRef }),
    endedSessions: t.exposeInt('endedSessions', { description: 'Other browser sessions of the account that were signed out.' }),
  }),
});

builder.mutationFields((t) => ({
  updateMe: t.field({
    type: UserRef,
    description: 'Renames the signed-in user.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => accounts.updateMe(ctx, { name }),
  }),
  changePassword: t.field({
    type: ChangePasswordResultRef,
    description:
      'Needs a browser session and the current password. Signs out every other session of the account. Wrong current passwords are throttled like sign-ins (TOO_MANY_REQUESTS, HTTP 429).',
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => accounts.changePassword(ctx, args),
  }),
  signUp: t.field({
    type: UserRef,
    description:
      "Creates an account (then sign in through next-auth's `credentials` provider). Sign-ups per address are limited (TOO_MANY_REQUESTS, HTTP 429).",
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }, ctx) => accounts.signUp(ctx, input),
  }),
  createApiToken: t.field({
    type: CreatedApiTokenRef,
    description: 'Needs a browser session: API tokens cannot create tokens.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => accounts.createApiToken(ctx, { name }),
  }),
  verifyEmail: t.field({
    type: 'Boolean',
    description: 'Opens an emailed verification link (no session needed: the token is the secret). BAD_USER_INPUT when used, replaced or expired.',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, ctx) => Boolean(await verification.verifyEmail(ctx, token)),
  }),
  resendVerificationEmail: t.boolean({
    description: `Emails the signed-in user a new verification link (the old one stops working); false when verified already or no SMTP is configured. TOO_MANY_REQUESTS within ${verification.RESEND_SECONDS} s of the last.`,
    resolve: (_root, _args, ctx) => verification.resendVerificationEmail(ctx),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => accounts.revokeApiToken(ctx, String(id)),
  }),
}));
