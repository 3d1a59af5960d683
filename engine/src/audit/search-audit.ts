import { and, desc, eq, gte, like, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { auditLog } from '../db/schema/audit';

export const SearchAuditInput = z
  .object({
    text: z.string().trim().max(200).optional().describe('Matches action, entity id or reason'),
    actorId: z.string().max(120).optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(120).optional(),
    from: z.iso.datetime({ error: 'expected a date-time such as 2026-01-31T00:00:00Z' }).optional(),
    to: z.iso.datetime({ error: 'expected a date-time such as 2026-01-31T23:59:59Z' }).optional(),
    limit: z.number().int().min(1).max(10_000).default(100),
  })
  .strict();
export type SearchAuditInput = z.input<typeof SearchAuditInput>;

/** Audit entries matching the filters, newest first. */
export function searchAudit({ ctx, input }: { ctx: { db: DbTx }; input: SearchAuditInput }) {
  const f = SearchAuditInput.parse(input);
  const where: SQL[] = [];
  if (f.text) {
    const pattern = `%${f.text.replace(/[%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(like(auditLog.action, pattern), like(auditLog.entityId, pattern), like(auditLog.reason, pattern))!);
  }
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lte(auditLog.at, f.to));
  return ctx.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(f.limit)
    .all();
}

const CSV_COLUMNS = ['seq', 'at', 'actorType', 'actorId', 'action', 'entityType', 'entityId', 'before', 'after', 'reason', 'hash'] as const;

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote per RFC 4180; a leading formula character is neutralised for spreadsheet safety.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of the matching entries, for admins to hand to auditors. */
export function auditCsv(rows: ReturnType<typeof searchAudit>): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}
