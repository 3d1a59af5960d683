import type { trpc } from '$lib/trpc';

export type AuditEntry = Awaited<ReturnType<typeof trpc.audit.search.query>>[number];
export type AuditFilters = { text: string; actorId: string; entityType: string; entityId: string; from: string; to: string };

export const EMPTY_FILTERS: AuditFilters = { text: '', actorId: '', entityType: '', entityId: '', from: '', to: '' };

/** The search input for the engine: empty fields left out, dates as the whole day in UTC. */
export function toSearchInput(f: AuditFilters) {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    text: opt(f.text),
    actorId: opt(f.actorId),
    entityType: opt(f.entityType),
    entityId: opt(f.entityId),
    from: f.from ? `${f.from}T00:00:00.000Z` : undefined,
    to: f.to ? `${f.to}T23:59:59.999Z` : undefined,
    limit: 200,
  };
}

export type Change = { field: string; before: string; after: string };

/**
 * What changed between the before and after JSON of an entry, field by field.
 * @example changes('{"role":"support"}', '{"role":"admin"}') // [{ field: 'role', before: 'support', after: 'admin' }]
 */
export function changes(before: string | null, after: string | null): Change[] {
  const b = parse(before);
  const a = parse(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((c) => c.before !== c.after);
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: json };
  }
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '–';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "api-key.revoked" -> "API key revoked"; "user.created" -> "User created" */
export function actionLabel(action: string): string {
  const text = action.replace(/[.-]/g, ' ').replace(/^api key/, 'API key');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const ENTITY_TYPES = [
  { value: '', label: 'Any' },
  { value: 'member', label: 'Member' },
  { value: 'staff-user', label: 'Staff user' },
  { value: 'api-key', label: 'API key' },
  { value: 'program', label: 'Program' },
  { value: 'program-version', label: 'Program version' },
  { value: 'rollout', label: 'Rollout' },
  { value: 'audit-log', label: 'Audit log' },
];
