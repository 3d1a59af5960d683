import { afterAll, describe, expect, it } from 'vitest';
import { createProgram } from '../programs';
import { blankProgram } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { saveVersion } from '../versions/save-version';
import { currentRelease, recordRelease, stableBucket, versionForMember } from '.';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const actor = { type: 'staff' as const, id: 'u-1' };

describe('releases', () => {
  const { programId, version: v1 } = createProgram({ ctx: { db }, input: { spec: blankProgram('Club'), author: 'system' } });
  const v2 = saveVersion({ ctx: { db }, input: { programId, spec: { ...blankProgram('Club'), program: { ...blankProgram('Club').program, pointsName: 'Stars' } }, author: 'system' } });

  it('runs nothing before a version is activated, then exactly the active version', () => {
    expect(currentRelease(db, programId)).toBeUndefined();
    recordRelease({ ctx: { db, actor }, input: { programId, versionId: v1.id, reason: 'Launch' } });
    expect(versionForMember(currentRelease(db, programId)!, 'm-1')).toBe(v1.id);
  });

  it('sends a stable share of members to the canary, and growing the share only adds members', () => {
    const members = Array.from({ length: 2000 }, (_, i) => `m-${i}`);
    recordRelease({ ctx: { db, actor }, input: { programId, versionId: v1.id, canaryVersionId: v2.id, canaryShare: 500, canaryMembers: ['staff-7'], reason: 'Canary 5 %' } });
    const at5 = new Set(members.filter((m) => versionForMember(currentRelease(db, programId)!, m) === v2.id));
    expect(at5.size / members.length).toBeGreaterThan(0.03);
    expect(at5.size / members.length).toBeLessThan(0.07);
    expect(versionForMember(currentRelease(db, programId)!, 'staff-7')).toBe(v2.id);
    recordRelease({ ctx: { db, actor }, input: { programId, versionId: v1.id, canaryVersionId: v2.id, canaryShare: 2500, reason: 'Canary 25 %' } });
    const at25 = new Set(members.filter((m) => versionForMember(currentRelease(db, programId)!, m) === v2.id));
    for (const m of at5) expect(at25.has(m)).toBe(true);
    expect(stableBucket(programId, 'm-1')).toBe(stableBucket(programId, 'm-1'));
  });

  it('keeps the whole history and refuses to rewrite it', () => {
    expect(() => db.$client.prepare('delete from program_releases').run()).toThrow(/append-only/);
    expect(db.$client.prepare('select count(*) from program_releases where program_id = ?').pluck().get(programId)).toBe(3);
  });

  it('refuses a version of another program', () => {
    const other = createProgram({ ctx: { db }, input: { spec: blankProgram('Other'), author: 'system' } });
    expect(() => recordRelease({ ctx: { db, actor }, input: { programId, versionId: other.version.id, reason: 'x' } })).toThrow(/not a version of this program/);
  });
});
