import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beanClub, ProgramSpec } from '../spec';
import { compileGraph } from './compile';
import { decompile } from './decompile';

const roundTrip = (spec: ProgramSpec) => {
  const result = compileGraph(JSON.parse(JSON.stringify(decompile(spec))));
  expect(result.ok ? [] : result.issues).toEqual([]);
  return result.ok ? result.spec : undefined;
};

describe('round trip spec -> graph -> spec', () => {
  it('gives back Bean Club exactly', () => {
    const spec = beanClub();
    expect(roundTrip(spec)).toStrictEqual(spec);
  });
});
