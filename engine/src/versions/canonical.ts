import { hash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function normalise(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot store ${value} in a program version`);
    return Object.is(value, -0) ? 0 : value;
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  throw new TypeError(`Cannot store a ${typeof value} in a program version`);
}

/**
 * JSON with object keys sorted at every depth and no insignificant whitespace, so
 * equal content always has equal text (and equal hash).
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) === '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

/** sha256 of the canonical JSON, hex encoded. */
export function contentHash(value: unknown): string {
  // One-shot: a Hash object per call costs more than hashing the few hundred bytes themselves.
  return hash('sha256', canonicalJson(value));
}
