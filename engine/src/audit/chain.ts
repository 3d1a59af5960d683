import { createHash } from 'node:crypto';
import { canonicalJson } from '../versions/canonical';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditContent = {
  seq: number;
  at: string;
  actorType: 'staff' | 'api-key' | 'member' | 'system';
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** Hash of one entry: its content chained to the previous entry's hash. */
export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}
