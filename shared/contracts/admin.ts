import { z } from 'zod';
import { multiLineText, singleLineText } from './text';
import { usernameSchema } from './auth';
import { caveatSchema, classificationSchema } from './markings';
import { compartmentKinds } from '../modules/index';
import { roleSchema } from './roles';

/** The kinds of compartment an administrator creates: those the modules' records live in. */
export const adminCompartmentKinds = compartmentKinds;
export const adminCompartmentKindSchema = z.enum(adminCompartmentKinds);
export type AdminCompartmentKind = z.infer<typeof adminCompartmentKindSchema>;

export const userStatusSchema = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const membershipView = z.object({
  compartmentId: z.string(),
  compartmentName: z.string(),
  kind: z.string(),
  grantedAt: z.string(),
});
export type MembershipView = z.infer<typeof membershipView>;

/** A user as the administrator sees them: access, never secrets. */
export const adminUserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  clearance: classificationSchema,
  caveats: z.array(z.string()),
  status: userStatusSchema,
  disabledAt: z.string().nullable(),
  mfaEnrolled: z.boolean(),
  memberships: z.array(membershipView),
  createdAt: z.string(),
});
export type AdminUserView = z.infer<typeof adminUserView>;

export const adminUsersResponse = z.object({ users: z.array(adminUserView) });
export type AdminUsersResponse = z.infer<typeof adminUsersResponse>;
export const adminUserResponse = z.object({ user: adminUserView });
export type AdminUserResponse = z.infer<typeof adminUserResponse>;

const caveatsSchema = z.array(caveatSchema).max(10);
const rolesSchema = z.array(roleSchema).min(1, 'give at least one role').max(11);

export const createUserRequest = z.strictObject({
  username: usernameSchema,
  displayName: singleLineText().trim().min(1).max(120),
  roles: rolesSchema,
  clearance: classificationSchema.default('OFFICIAL'),
  caveats: caveatsSchema.default([]),
});
export type CreateUserRequest = z.input<typeof createUserRequest>;

/** The generated password is shown once; the server keeps only its hash. */
export const createUserResponse = z.object({ user: adminUserView, oneTimePassword: z.string() });
export type CreateUserResponse = z.infer<typeof createUserResponse>;

export const setRolesRequest = z.strictObject({ roles: rolesSchema });
export type SetRolesRequest = z.infer<typeof setRolesRequest>;

export const setClearanceRequest = z.strictObject({
  clearance: classificationSchema,
  caveats: caveatsSchema,
});
export type SetClearanceRequest = z.infer<typeof setClearanceRequest>;

export const userIdParams = z.strictObject({ userId: z.uuid() });

export const compartmentMemberView = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string().nullable(),
});
export type CompartmentMemberView = z.infer<typeof compartmentMemberView>;

export const compartmentView = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  members: z.array(compartmentMemberView),
});
export type CompartmentView = z.infer<typeof compartmentView>;

export const compartmentsResponse = z.object({ compartments: z.array(compartmentView) });
export type CompartmentsResponse = z.infer<typeof compartmentsResponse>;
export const compartmentResponse = z.object({ compartment: compartmentView });
export type CompartmentResponse = z.infer<typeof compartmentResponse>;

export const createCompartmentRequest = z.strictObject({
  kind: adminCompartmentKindSchema,
  name: singleLineText().trim().min(2).max(80),
  description: multiLineText().trim().max(500).default(''),
});
export type CreateCompartmentRequest = z.input<typeof createCompartmentRequest>;

export const compartmentIdParams = z.strictObject({ compartmentId: z.uuid() });
export const membershipParams = z.strictObject({ compartmentId: z.uuid(), userId: z.uuid() });
export const grantMembershipRequest = z.strictObject({ userId: z.uuid() });
export type GrantMembershipRequest = z.infer<typeof grantMembershipRequest>;

/** The rules an administrator cannot break; named in `details.rule` of a RULE_VIOLATION. */
export const adminRules = {
  twoPerson: 'two-person: an administrator cannot grant access to themselves',
  noSelfChange: 'two-person: an administrator cannot change their own roles, clearance or status',
  lastAdmin: 'last-admin: at least one active administrator must remain',
} as const;
