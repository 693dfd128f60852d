import { builder } from '../graphql/builder';
import type { AuditEventRecord } from './service';

export const AuditEventRef = builder.objectRef<AuditEventRecord>('AuditEvent').implement({
  description: 'One recorded write: who did what to which object, and when.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    action: t.exposeString('action', { description: 'Dotted verb, e.g. `project.create`, `member.role_change`.' }),
    objectType: t.exposeString('objectType'),
    objectId: t.exposeString('objectId', { nullable: true }),
    actorId: t.exposeID('actorId', { nullable: true }),
    actorName: t.exposeString('actorName', { nullable: true, description: 'Null when the account no longer exists.' }),
    details: t.expose('details', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const AuditEventPageRef = builder.objectRef<{ items: AuditEventRecord[]; total: number; offset: number; limit: number }>('AuditEventPage').implement({
  fields: (t) => ({
    items: t.field({ type: [AuditEventRef], resolve: (p) => p.items }),
    total: t.exposeInt('total'),
    offset: t.exposeInt('offset'),
    limit: t.exposeInt('limit'),
  }),
});
