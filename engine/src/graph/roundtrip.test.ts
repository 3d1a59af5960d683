import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgramSpec } from '../spec';
import { beanClub, ProgramSpec as ProgramSpecSchema } from '../spec';
import { programSpecArbitrary } from '../spec/arbitrary';
import { compileGraph } from './compile';
import { decompile } from './decompile';

/** Decompiles, saves as JSON (as the studio does), and compiles again. */
const roundTrip = (spec: ProgramSpec) => compileGraph(JSON.parse(JSON.stringify(decompile(spec))));

const TEMPLATES = join(import.meta.dirname, '../../../templates/programs');
const templates = existsSync(TEMPLATES) ? readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')) : [];

describe('round trip spec -> graph -> spec', () => {
  it('gives back Bean Club exactly', () => {
    const spec = beanClub();
    const result = roundTrip(spec);
    expect(result).toEqual({ ok: true, spec, issues: [] });
    expect(result.ok && result.spec).toStrictEqual(spec);
  });

  it('gives back every generated program exactly', () => {
    fc.assert(
      fc.property(programSpecArbitrary(), (spec) => {
        const result = roundTrip(spec);
        expect(result.ok ? [] : result.issues).toEqual([]);
        expect(result.ok && result.spec).toStrictEqual(spec);
      }),
      { numRuns: 150 },
    );
  });

  it.runIf(templates.length > 0).each(templates)('gives back the template %s exactly', (file) => {
    const raw = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as { spec?: unknown };
    const parsed = ProgramSpecSchema.safeParse(raw.spec ?? raw);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const result = roundTrip(parsed.data);
    expect(result.ok ? result.spec : result.issues).toStrictEqual(parsed.data);
  });

  it('is stable: decompiling the compiled spec gives the same graph', () => {
    const graph = decompile(beanClub());
    const result = compileGraph(graph);
    expect(result.ok && decompile(result.spec)).toStrictEqual(graph);
  });
});
