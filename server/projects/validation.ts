import { z } from 'zod';
import { emailSchema } from '../accounts/validation';

export const roleSchema = z.enum(['owner', 'editor', 'viewer'], 'The role must be owner, editor or viewer.');

const projectName = z.string().trim().min(1, 'Give the project a name.').max(120, 'Project names are at most 120 characters.');
const description = z.string().trim().max(2000, 'Descriptions are at most 2000 characters.');

export const createProjectInput = z.object({ name: projectName, description: description.default('') });

export const updateProjectInput = z
  .object({ name: projectName.optional(), description: description.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, 'Nothing to change: give a name or a description.');

export const inviteInput = z.object({ email: emailSchema, role: roleSchema });
