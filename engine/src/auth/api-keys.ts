import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit, type AuditActor } from '../audit/append-audit';
import { preparedQuery, type DbTx } from '../db';
import { apiKeys } from '../db/schema/api-keys';
import { DomainError } from '../errors';
import { digest, newSecret, sameDigest } from './tokens';

/** What an integration key may do; a route names the scope it needs. */
export const ApiScope = z.enum(['members:read', 'members:write', 'quotes:read', 'purchases:write', 'events:write', 'redemptions:write']);
export type ApiScope = z.infer<typeof ApiScope>;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Give the key a name, such as "Till 3, Berlin Mitte".').max(120),
  programId: z.string().min(1),
  storeId: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'Use letters, digits, dot, dash or underscore for the store id.'),
  scopes: z.array(ApiScope).min(1, 'Choose at least one scope.'),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export type ApiKeyPrincipal = { kind: 'api-key'; keyId: string; programId: string; storeId: string; scopes: ApiScope[] };

const KEY_PATTERN = /^lsk_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** Public view of a key: never its secret or digest. */
function view(row: typeof apiKeys.$inferSelect) {
  const { digest: _d, scopes, ...rest } = row;
  return { ...rest, scopes: JSON.parse(scopes) as ApiScope[] };
}

/**
 * Creates a key and returns its secret once; only a digest is kept.
 * @example const { secret } = createApiKey({ ctx, input: { name: 'Web shop', programId, storeId: 'web', scopes: ['purchases:write'] } })
 */
export function createApiKey({ ctx, input }: { ctx: { db: DbTx; actor: AuditActor }; input: CreateApiKeyInput }) {
  const data = CreateApiKeyInput.parse(input);
  const prefix = newSecret(16).replace(/[^A-Za-z0-9]/g, '').slice(0, 10).padEnd(10, '0');
  const secret = `lsk_${prefix}_${newSecret(32)}`;
  const row = {
    id: randomUUID(),
    prefix,
    digest: digest(secret),
    name: data.name,
    programId: data.programId,
    storeId: data.storeId,
    scopes: JSON.stringify([...new Set(data.scopes)]),
    createdBy: ctx.actor.id,
    createdAt: new Date().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  return ctx.db.transaction((tx) => {
    tx.insert(apiKeys).values(row).run();
    appendAudit(tx, { actor: ctx.actor, action: 'api-key.created', entityType: 'api-key', entityId: row.id, after: view(row) });
    return { key: view(row), secret };
  });
}

export function revokeApiKey({ ctx, input }: { ctx: { db: DbTx; actor: AuditActor }; input: { keyId: string } }) {
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(apiKeys).where(eq(apiKeys.id, input.keyId)).get();
    if (!row) throw new DomainError('not_found', 'That API key does not exist.');
    if (row.revokedAt) return view(row);
    const revokedAt = new Date().toISOString();
    tx.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, row.id)).run();
    appendAudit(tx, { actor: ctx.actor, action: 'api-key.revoked', entityType: 'api-key', entityId: row.id, before: { revokedAt: null }, after: { revokedAt } });
    return view({ ...row, revokedAt });
  });
}

export function listApiKeys(db: DbTx, programId?: string) {
  const q = db.select().from(apiKeys);
  return (programId ? q.where(eq(apiKeys.programId, programId)) : q).orderBy(desc(apiKeys.createdAt)).all().map(view);
}

const keyByPrefix = preparedQuery((db) => db.select().from(apiKeys).where(eq(apiKeys.prefix, sql.placeholder('prefix'))).prepare());

/**
 * The integration behind a presented key, or undefined for a malformed, unknown or
 * revoked key. Last use is recorded at most once a minute.
 */
export function resolveApiKey(db: DbTx, presented: string | undefined, now = new Date()): ApiKeyPrincipal | undefined {
  const match = presented ? KEY_PATTERN.exec(presented) : null;
  if (!match) return undefined;
  const row = keyByPrefix(db).get({ prefix: match[1]! });
  if (!row || row.revokedAt || !sameDigest(row.digest, digest(presented!))) return undefined;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) {
    db.update(apiKeys).set({ lastUsedAt: now.toISOString() }).where(eq(apiKeys.id, row.id)).run();
  }
  return { kind: 'api-key', keyId: row.id, programId: row.programId, storeId: row.storeId, scopes: JSON.parse(row.scopes) as ApiScope[] };
}
