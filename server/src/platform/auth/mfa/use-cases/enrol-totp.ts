import QRCode from 'qrcode';
import type { TotpEnrolResponse } from '#shared/contracts/auth';
import type { AppContext } from '../../../../app-context';
import { writeAuditEvent } from '../../../audit/audit.service';
import { AppError } from '../../../errors';
import type { Actor } from '../../actor';
import { findUserTotp, upsertUnconfirmedTotp } from '../mfa.repo';
import { generateTotpSecret, totpUri } from '../totp';
import { encryptTotpSecret } from '../totp-secret';

/**
 * Starts (or restarts) TOTP enrolment: a new secret, stored encrypted and unconfirmed until the
 * user proves their app has it. A confirmed secret is never replaced this way — that would switch
 * two-step verification off without a code.
 */
export async function enrolTotp(
  ctx: AppContext,
  actor: Pick<Actor, 'id' | 'username'>,
  requestId: string,
): Promise<TotpEnrolResponse> {
  const secret = generateTotpSecret();
  await ctx.database.db.transaction(async (tx) => {
    const existing = await findUserTotp(tx, actor.id);
    if (existing?.confirmedAt) {
      throw new AppError('CONFLICT', 'Two-step verification is already set up for this account.');
    }
    const secretEnc = await encryptTotpSecret(tx, ctx.keys, actor.id, secret);
    await upsertUnconfirmedTotp(tx, actor.id, secretEnc, ctx.clock.now());
    await writeAuditEvent(tx, ctx.clock, {
      actorId: actor.id,
      action: 'mfa.enrol',
      recordType: 'user',
      recordId: actor.id,
      requestId,
      fields: ['totpSecret'],
    });
  });
  const otpauthUrl = totpUri(actor.username, secret);
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 240,
  });
  return { otpauthUrl, secret, qrCodeDataUrl };
}
