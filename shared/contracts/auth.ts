import { z } from 'zod';
import { type Permission, permissions } from '../modules/index';
import { classificationSchema } from './markings';
import { singleLineText } from './text';
import { roleSchema } from './roles';

export const usernameSchema = singleLineText()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash or underscore');

export const totpCodeSchema = singleLineText().regex(/^\d{6}$/, 'six digits');

/** `K7QM-3XPA-RT9H`; case, spaces and dashes are forgiven. */
export const recoveryCodeSchema = singleLineText()
  .min(12)
  .max(32)
  .regex(/^[A-Za-z0-9\s-]+$/, 'letters, digits and dashes');

export const signInRequest = z
  .strictObject({
    username: singleLineText().min(1).max(64),
    /** Any printable character; no control characters (tab included). */
    password: singleLineText().min(1).max(1024),
    totp: totpCodeSchema.optional(),
    /** Instead of `totp`, one of the user's one-time recovery codes. */
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((body) => !(body.totp && body.recoveryCode), {
    message: 'give a code or a recovery code, not both',
    path: ['recoveryCode'],
  });
export type SignInRequest = z.infer<typeof signInRequest>;

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
});
export type UserView = z.infer<typeof userView>;

export const signInResponse = z.object({ user: userView });
export type SignInResponse = z.infer<typeof signInResponse>;

/** Two-step verification as the app needs to know it. */
export const mfaStatus = z.object({
  enabled: z.boolean(),
  /** The session may do nothing but enrol (LANTERN_ENV=production and no TOTP yet). */
  enrolmentRequired: z.boolean(),
});
export type MfaStatus = z.infer<typeof mfaStatus>;

/**
 * The signed-in user as the client needs them: who they are, what they may do (the permissions
 * their roles hold: the web shows and hides by these, never by role names), their clearance, and
 * the modules this installation runs.
 */
export const meResponse = z.object({
  user: userView,
  mfa: mfaStatus,
  permissions: z.array(z.enum(permissions as [Permission, ...Permission[]])),
  clearance: classificationSchema,
  caveats: z.array(z.string()),
  modules: z.array(z.string()),
});
export type MeResponse = z.infer<typeof meResponse>;

/** The Account → Security page: status plus what the user may do. */
export const mfaDetails = mfaStatus.extend({
  canDisable: z.boolean(),
  recoveryCodesRemaining: z.number().int().min(0),
});
export type MfaDetails = z.infer<typeof mfaDetails>;

export const totpEnrolResponse = z.object({
  otpauthUrl: z.string(),
  /** Base32, for typing into an app by hand. */
  secret: z.string(),
  /** The otpauth URL as a PNG `data:` URL. */
  qrCodeDataUrl: z.string(),
});
export type TotpEnrolResponse = z.infer<typeof totpEnrolResponse>;

export const totpCodeRequest = z.strictObject({ code: totpCodeSchema });
export type TotpCodeRequest = z.infer<typeof totpCodeRequest>;

export const totpConfirmResponse = z.object({
  /** Shown once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
  mfa: mfaStatus,
});
export type TotpConfirmResponse = z.infer<typeof totpConfirmResponse>;
