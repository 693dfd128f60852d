import { builder } from '../graphql/builder';
import * as notifications from './service';

const NotificationKindEnum = builder.enumType('NotificationKind', {
  values: Object.fromEntries((['mention', 'reply', 'verdict', 'dispute', 'settled'] as const).map((k) => [k.toUpperCase(), { value: k }])) as Record<
    string,
    { value: notifications.NotificationKind }
  >,
});

const NotificationRef = builder.objectRef<notifications.NotificationRecord>('Notification').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKindEnum, resolve: (n) => n.kind }),
    projectId: t.exposeID('projectId'),
    projectName: t.exposeString('projectName'),
    regulator: t.exposeString('regulator'),
    target: t.exposeString('target'),
    actorName: t.exposeString('actorName', { nullable: true }),
    commentId: t.exposeID('commentId', { nullable: true }),
    excerpt: t.exposeString('excerpt', { nullable: true, description: 'Plain text, at most 200 characters.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    read: t.exposeBoolean('read'),
  }),
});

const NotificationPageRef = builder.objectRef<Awaited<ReturnType<typeof notifications.listNotifications>>>('NotificationPage').implement({
  fields: (t) => ({
    items: t.field({ type: [NotificationRef], resolve: (p) => p.items }),
    total: t.exposeInt('total'),
    unread: t.exposeInt('unread'),
  }),
});

builder.queryFields((t) => ({
  notifications: t.field({
    type: NotificationPageRef,
    description: 'The signed-in user’s inbox, newest first.',
    args: {
      onlyUnread: t.arg.boolean({ defaultValue: false }),
      offset: t.arg.int({ defaultValue: 0 }),
      limit: t.arg.int({ defaultValue: 30, description: '1 to 100' }),
    },
    resolve: (_r, a, ctx) => notifications.listNotifications(ctx, a),
  }),
  unreadNotificationCount: t.int({ resolve: (_r, _a, ctx) => notifications.unreadCount(ctx) }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.int({
    description: 'Returns how many notifications stay unread.',
    args: { ids: t.arg.idList(), all: t.arg.boolean({ defaultValue: false }) },
    resolve: (_r, a, ctx) => notifications.markRead(ctx, { ids: a.ids?.map(String), all: a.all }),
  }),
}));
