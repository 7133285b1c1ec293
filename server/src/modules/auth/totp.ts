import { authenticator } from 'otplib';
import { toDataURL } from 'qrcode';

/**
 * Time-based one-time codes (RFC 6238 as authenticator apps use it: HMAC-SHA1, 30-second steps,
 * 6 digits, base32 secrets), by otplib. The one implementation Lantern uses.
 */
export const TOTP_ISSUER = 'Lantern';
export const TOTP_STEP_SECONDS = 30;
/** Bytes of a new secret: 160 bits, the HMAC-SHA1 key size RFC 4226 recommends. */
const SECRET_BYTES = 20;

/** One step either side of now is accepted, for clocks that drift (otplib's `window`). */
const totp = authenticator.clone({ step: TOTP_STEP_SECONDS, digits: 6, window: 1 });

export function newTotpSecret(): string {
  return totp.generateSecret(SECRET_BYTES);
}

/** `otpauth://totp/Lantern:<e-mail>?secret=...&issuer=Lantern`, what the QR code carries. */
export function otpauthUri(accountEmail: string, secret: string): string {
  return totp.keyuri(accountEmail, TOTP_ISSUER, secret);
}

/** The QR code of an otpauth URI, as a PNG data URL (the dashboard's CSP allows `img-src data:`). */
export function qrCodeDataUrl(uri: string): Promise<string> {
  return toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);
}

/** True for something shaped like a TOTP code (6 digits, spaces allowed as apps show them). */
export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

/**
 * The 30-second step whose code `code` is (now's, or one either side), or null when it is none of
 * them. Callers keep the step, to refuse the same code a second time (a replay).
 */
export function matchingStep(secret: string, code: string, nowMs = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp.clone({ epoch: nowMs }).checkDelta(clean, secret);
  return delta === null ? null : stepAt(nowMs) + delta;
}

/** The code of `secret` at a time (what an authenticator app would show then). */
export function totpCodeAt(secret: string, nowMs = Date.now()): string {
  return totp.clone({ epoch: nowMs }).generate(secret);
}
