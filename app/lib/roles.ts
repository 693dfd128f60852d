import type { EnumOf } from './graphql';

export type ProjectRole = EnumOf<'ProjectRole'>;

export const ROLE_OPTIONS: readonly { value: ProjectRole; label: string }[] = [
  { value: 'viewer', label: 'Viewer (reads)' },
  { value: 'editor', label: 'Editor (reads and writes)' },
  { value: 'owner', label: 'Owner (also manages members)' },
];

export const roleLabel = (role: ProjectRole): string => role[0].toUpperCase() + role.slice(1);

export const roleBadgeClass = (role: ProjectRole): string => (role === 'owner' ? 'badge badge-primary' : role === 'editor' ? 'badge badge-ok' : 'badge');
