import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProgramTemplate } from '@loyalty/engine/programs';
import { checkProgram } from '@loyalty/engine/spec';

const dir = fileURLToPath(new URL('./programs', import.meta.url));
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const templates = files.map((file) => {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  return { file, raw, parsed: ProgramTemplate.safeParse(raw) };
});

describe('ready program templates', () => {
  it('has at least six templates with distinct ids and industries', () => {
    const ok = templates.flatMap((t) => (t.parsed.success ? [t.parsed.data] : []));
    expect(ok.length).toBeGreaterThanOrEqual(6);
    const ids = ok.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const industries = ok.map((t) => t.industry.toLowerCase());
    expect(new Set(industries).size).toBe(industries.length);
  });

  it('includes the demo program that npm start seeds', () => {
    expect(files).toContain('retail-tiers.json');
  });

  it('has at least one program-change announcement journey (date trigger, audience, send, wait, reminder, exit)', () => {
    const found = templates.some(({ parsed }) =>
      parsed.success
        ? parsed.data.spec.journeys.some((j) => {
            const kinds = j.steps.map((s) => s.kind);
            return (
              j.trigger.kind === 'schedule' &&
              j.trigger.schedule.kind === 'date' &&
              j.audienceSegmentId !== undefined &&
              kinds.includes('send') &&
              kinds.includes('wait') &&
              kinds.includes('exit')
            );
          })
        : false,
    );
    expect(found).toBe(true);
  });

  describe.each(templates)('$file', ({ file, parsed }) => {
    it('parses as a ProgramTemplate whose id matches the file name', () => {
      if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      }
      expect(parsed.data.id).toBe(file.replace(/\.json$/, ''));
    });

    const t = parsed.success ? parsed.data : undefined;
    const spec = t?.spec;

    it('passes checkProgram without errors or warnings', () => {
      expect(spec).toBeDefined();
      const issues = checkProgram(spec!);
      expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([]);
      expect(issues.map((i) => `${i.severity}: ${i.message}`)).toEqual([]);
    });

    it('has several earning rules, rewards and scenarios', () => {
      expect(spec!.earningRules.length).toBeGreaterThanOrEqual(2);
      expect(spec!.rewards.length).toBeGreaterThanOrEqual(1);
      expect(spec!.scenarios.length).toBeGreaterThanOrEqual(2);
      expect(spec!.fraudRules.length).toBeGreaterThanOrEqual(1);
    });

    it('has a welcome journey on sign-up and at least one more journey', () => {
      expect(spec!.journeys.length).toBeGreaterThanOrEqual(2);
      const welcome = spec!.journeys.filter((j) => j.trigger.kind === 'event' && j.trigger.event === 'member-signed-up');
      expect(welcome.length).toBeGreaterThanOrEqual(1);
    });

    it('writes every message in at least three languages, including every program language', () => {
      const { locales, defaultLocale } = spec!.program;
      expect(locales.length).toBeGreaterThanOrEqual(3);
      expect(locales).toContain('en');
      expect(locales).toContain(defaultLocale);
      expect(spec!.messages.length).toBeGreaterThanOrEqual(2);
      for (const m of spec!.messages) {
        const have = m.variants.map((v) => v.locale);
        expect(have.length, m.id).toBeGreaterThanOrEqual(3);
        expect([...have].sort(), m.id).toEqual([...locales].sort());
      }
    });

    it('uses every message in some journey', () => {
      const used = new Set(spec!.journeys.flatMap((j) => j.steps.flatMap((s) => (s.kind === 'send' ? [s.messageId] : []))));
      expect(spec!.messages.map((m) => m.id).filter((id) => !used.has(id))).toEqual([]);
    });
  });
});
