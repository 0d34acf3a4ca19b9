import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Invite tokens: `inv_` + 256 random bits (base64url); only their SHA-256 is stored. */
export const INVITE_PREFIX = 'inv_';
const TOKEN_PATTERN = /^inv_[A-Za-z0-9_-]{43}$/;

export function newInviteToken(): string {
  return INVITE_PREFIX + randomBytes(32).toString('base64url');
}

export function isInviteToken(token: string): boolean {
  return token.startsWith(INVITE_PREFIX);
}

export function isWellFormedInviteToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashInviteToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of two hashes. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
