import { z } from 'zod';
import { roleSchema } from './roles';

export const usernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash or underscore');

export const signInRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'six digits')
    .optional(),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
});
export type UserView = z.infer<typeof userView>;

export const meResponse = z.object({ user: userView });
export type MeResponse = z.infer<typeof meResponse>;
