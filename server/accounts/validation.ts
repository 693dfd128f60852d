import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.org.'));

export const userNameSchema = z.string().trim().min(1, 'Enter your name.').max(100, 'Names are at most 100 characters.');

export const passwordSchema = z.string().min(8, 'Passwords need at least 8 characters.').max(1024, 'Passwords are at most 1024 characters.');

export const signUpInput = z.object({ email: emailSchema, name: userNameSchema, password: passwordSchema });
export type SignUpInput = z.input<typeof signUpInput>;

export const tokenNameSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name.').max(100, 'Token names are at most 100 characters.'),
});

export const updateMeInput = z.object({ name: userNameSchema });

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password.').max(1024), newPassword: passwordSchema })
  .refine((v) => v.newPassword !== v.currentPassword, { message: 'The new password is the same as the current one.', path: ['newPassword'] });
