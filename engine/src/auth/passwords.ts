import { hash, verify } from '@node-rs/argon2';

/** Minimum rules for staff passwords: long rather than complex. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'Use at least 12 characters.';
  if (password.length > 200) return 'Use at most 200 characters.';
  if (new Set(password).size < 5) return 'Use a less repetitive password.';
  return undefined;
}

/** argon2id with the library's defaults (memory-hard). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
