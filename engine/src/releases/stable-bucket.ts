import { createHash } from 'node:crypto';

/**
 * A member's fixed position 0-9999 for a program: the same member always lands in the
 * same bucket, so growing a canary share only ever adds members, never swaps them.
 * @example stableBucket('prog-1', 'member-42') // e.g. 4711, every time
 */
export function stableBucket(programId: string, memberId: string): number {
  const digest = createHash('sha256').update(`${programId}:${memberId}`).digest();
  return digest.readUInt32BE(0) % 10_000;
}
