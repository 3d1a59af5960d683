import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../db';
import { createLogger } from '../../log';
import { createTemplateCatalog } from '../../programs/template-catalog';
import { beanClub, beanClubInput } from '../../spec';
import { staffMember } from '../../testing/staff';
import type { TrpcContext } from './init';
import { appRouter } from './router';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-trpc-'));
const db = openDatabase(path.join(dir, 'loyalty.db'));
migrateDatabase(db);
const templatesDir = path.join(dir, 'templates');
fs.mkdirSync(templatesDir);
fs.writeFileSync(
  path.join(templatesDir, 'coffee-club.json'),
  JSON.stringify({ id: 'coffee-club', title: 'Coffee club', industry: 'Food and drink', summary: 'Beans for coffee. Gold for regulars.', spec: beanClubInput }),
);
const ana = staffMember(db, 'marketer', 'Ana');
const ben = staffMember(db, 'marketer', 'Ben');
const contextOf = (principal: TrpcContext['principal']): TrpcContext => ({
  db,
  log: createLogger({ name: 'test', level: 'silent' }),
  templates: createTemplateCatalog(templatesDir),
  principal,
  sessionToken: undefined,
  ip: 'local',
  setCookie: () => undefined,
  settings: { adjustmentApprovalThreshold: 500 },
});
const context = contextOf(ana);
const caller = appRouter.createCaller(context);
const callerBen = appRouter.createCaller(contextOf(ben));
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('programs and versions over tRPC', () => {
  it('creates a blank program, saves versions, lists, gets, diffs and documents them', async () => {
    const { programId, version: v1 } = await caller.programs.create({ name: 'Bean Club' });
    expect(v1).toMatchObject({ number: 1, created: true, parentId: null });
    expect(v1).not.toHaveProperty('spec');

    const v2 = await callerBen.versions.save({ programId, spec: beanClub(), note: 'Full concept', basedOn: v1.id });
    expect(v2).toMatchObject({ number: 2, parentId: v1.id, created: true, note: 'Full concept' });
    const gold2 = beanClub();
    gold2.tiers[2]!.benefits.earnMultiplier = 2;
    const v3 = await caller.versions.save({ programId, spec: gold2, basedOn: v2.id });

    const list = await caller.versions.list({ programId });
    expect(list.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(list[0]).not.toHaveProperty('spec');

    const got = await caller.versions.get({ versionId: v3.id });
    expect(got.spec.tiers[2]!.benefits.earnMultiplier).toBe(2);
    expect(got.contentHash).toBe(v3.contentHash);
    const program = await caller.programs.get({ programId });
    expect(program).toMatchObject({ id: programId, name: 'Bean Club', latest: { id: v3.id, number: 3 } });

    const diff = await caller.versions.diff({ versionId: v3.id });
    expect(diff.base?.id).toBe(v2.id);
    expect(diff.changes.map((c) => c.message)).toEqual(['Gold: earn multiplier 1.5 -> 2']);
    const across = await caller.versions.diff({ versionId: v3.id, baseVersionId: v1.id });
    expect(across.changes.map((c) => c.message)).toContain("Tier 'Gold' added");
    expect((await caller.versions.diff({ versionId: v1.id })).base).toBeNull();

    const doc = await caller.versions.conceptDocument({ versionId: v3.id });
    expect(doc.markdown).toContain('- **Version**: 3');
    expect(doc.markdown).toContain(`- **Content hash**: ${v3.contentHash.slice(0, 12)}`);
    expect(doc.markdown).toContain('| Gold | 1,500 Beans | earns 2 times the Beans;');
    expect(doc.html).toContain('<title>Bean Club: program concept</title>');
    expect((await caller.programs.list()).map((p) => p.id)).toContain(programId);
  });

  it('keeps versions immutable: same content returns the same version, a stale base is a conflict', async () => {
    const { programId, version: v1 } = await caller.programs.create({ name: 'Tea Club' });
    const v2 = await caller.versions.save({ programId, spec: beanClub(), basedOn: v1.id });
    const again = await callerBen.versions.save({ programId, spec: beanClub(), basedOn: v2.id });
    expect(again).toMatchObject({ id: v2.id, number: 2, created: false });

    const stale = await trpcError(callerBen.versions.save({ programId, spec: { ...beanClub(), tiers: [] }, basedOn: v1.id }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/Version 2 was saved by Ana/);
    expect((await caller.versions.list({ programId })).length).toBe(2);
  });

  it('answers mistakes with NOT_FOUND and BAD_REQUEST carrying the issues', async () => {
    expect((await trpcError(caller.versions.get({ versionId: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await trpcError(caller.versions.list({ programId: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await trpcError(caller.programs.get({ programId: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await trpcError(caller.versions.save({ programId: 'nope', spec: beanClub() }))).code).toBe('NOT_FOUND');

    const { programId } = await caller.programs.create({ name: 'Juice Club' });
    const invalid = await trpcError(caller.versions.save({ programId, spec: { program: { name: '' }, tiers: 'many' } }));
    expect(invalid.code).toBe('BAD_REQUEST');
    expect(invalid.message).toBe('The program is not valid and was not saved.');
    const issues = (invalid.cause as { details?: { path: unknown[] }[] }).details ?? [];
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([['program', 'name'], ['tiers']]));

    // The author is whoever is signed in; naming someone else is refused, not ignored.
    const forged = await trpcError(caller.versions.save({ programId, spec: beanClub(), author: ben.userId } as never));
    expect(forged.code).toBe('BAD_REQUEST');
    expect((await trpcError(caller.programs.create({ name: '' }))).code).toBe('BAD_REQUEST');

    const other = await caller.programs.create({ name: 'Other' });
    const mine = await caller.versions.list({ programId });
    const mixed = await trpcError(caller.versions.diff({ versionId: mine[0]!.id, baseVersionId: other.version.id }));
    expect(mixed.code).toBe('BAD_REQUEST');
  });

  it('sends clients the HTTP status, domain code and issues', async () => {
    const { programId } = await caller.programs.create({ name: 'Shape Club' });
    const call = (procedure: string, input: unknown) => {
      const url = `http://localhost/trpc/${procedure}`;
      const json = JSON.stringify(input);
      const req = procedure.endsWith('.save')
        ? new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-loyalty-csrf': '1' }, body: json })
        : new Request(`${url}?input=${encodeURIComponent(json)}`);
      return fetchRequestHandler({ endpoint: '/trpc', router: appRouter, createContext: () => context, req });
    };
    const invalid = await call('versions.save', { programId, spec: { program: {} } });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { message: string; data: { domainCode: string; issues: { path: unknown[] }[] } } };
    expect(body.error.data.domainCode).toBe('invalid_input');
    expect(body.error.data.issues[0]?.path).toEqual(['program', 'name']);
    const badInput = (await (await call('versions.get', { versionId: 42 })).json()) as { error: { data: { httpStatus: number; issues: unknown[] } } };
    expect(badInput.error.data.httpStatus).toBe(400);
    expect(badInput.error.data.issues.length).toBeGreaterThan(0);
    const missing = await call('versions.get', { versionId: 'nope' });
    expect(missing.status).toBe(404);
  });
});

describe('templates over tRPC', () => {
  it('lists summaries, gets one and creates a program from it', async () => {
    expect(await caller.templates.list()).toEqual([
      expect.objectContaining({ id: 'coffee-club', title: 'Coffee club', programName: 'Bean Club', pointsName: 'Beans', counts: { tiers: 3, earningRules: 5, rewards: 3, journeys: 2 } }),
    ]);
    expect((await caller.templates.get({ templateId: 'coffee-club' })).spec.program.name).toBe('Bean Club');

    const { programId, version } = await caller.templates.createProgram({ templateId: 'coffee-club', name: 'Corner Café' });
    const program = await caller.programs.get({ programId });
    expect(program).toMatchObject({ name: 'Corner Café', templateId: 'coffee-club', createdBy: ana.userId, latest: { id: version.id, number: 1 } });
    expect(program.latest?.spec.tiers.map((t) => t.id)).toEqual(['green', 'silver', 'gold']);

    expect((await trpcError(caller.templates.createProgram({ templateId: 'no-such' }))).code).toBe('NOT_FOUND');
    expect((await trpcError(caller.templates.get({ templateId: '../etc' }))).code).toBe('NOT_FOUND');
  });
});
