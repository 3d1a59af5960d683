import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret, URL-safe. 32 bytes = 256 bits. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Secrets (session tokens, API keys, member tokens) are stored only as this digest:
 * a stolen database does not let anyone sign in.
 */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
