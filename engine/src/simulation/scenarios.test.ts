import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProgramTemplate } from '../programs/template-catalog';
import { beanClub } from '../spec';
import { runScenario, runScenarios } from './scenarios';

const templatesDir = fileURLToPath(new URL('../../../templates/programs', import.meta.url));
const templates = fs
  .readdirSync(templatesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, template: ProgramTemplate.parse(JSON.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8'))) }));

describe('scenario tests', () => {
  it("Bean Club's weekend latte ends with 33 Beans available, still Green", () => {
    const run = runScenarios(beanClub());
    expect(run.passed).toBe(true);
    expect(run.results).toEqual([
      expect.objectContaining({ scenarioId: 'sc-weekend-latte', passed: true, actual: { available: 33, pending: 0, tierId: 'green' }, differences: [] }),
    ]);
  });

  it('runs every scenario of every template, and all pass', () => {
    const failures = templates.flatMap(({ file, template }) =>
      runScenarios(template.spec)
        .results.filter((r) => !r.passed)
        .map((r) => `${file} ${r.scenarioId}: ${r.differences.join('; ')}`),
    );
    const ran = templates.reduce((n, t) => n + t.template.spec.scenarios.length, 0);
    expect(templates.length).toBeGreaterThanOrEqual(6);
    expect(ran).toBeGreaterThanOrEqual(25);
    expect(failures).toEqual([]);
  });

  it('says in plain words what differed', () => {
    const spec = beanClub();
    const scenario = { ...spec.scenarios[0]!, then: { atDays: 3, balance: { available: 180, pending: 0 }, tierId: 'silver' } };
    const r = runScenario(spec, scenario);
    expect(r.passed).toBe(false);
    expect(r.actual).toEqual({ available: 0, pending: 33, tierId: 'green' });
    expect(r.differences).toEqual(['available balance: expected 180 Beans, got 0', 'pending balance: expected 0 Beans, got 33', 'tier: expected Silver, got Green']);
  });

  it('checks right after the last event when no day is given', () => {
    const spec = beanClub();
    const r = runScenario(spec, { ...spec.scenarios[0]!, then: { balance: { pending: 33 } } });
    expect(r).toMatchObject({ passed: true, actual: { available: 0, pending: 33 } });
  });
});
