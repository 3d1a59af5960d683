import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { createTemplateCatalog } from '../../programs/template-catalog';
import { beanClub } from '../../spec';
import { staffMember } from '../../testing/staff';
import { tempDatabase } from '../../testing/temp-db';
import type { TrpcContext } from './init';
import { appRouter } from './router';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const ctxOf = (principal: TrpcContext['principal']): TrpcContext => ({
  db,
  log: createLogger({ name: 'test', level: 'silent' }),
  templates: createTemplateCatalog(),
  principal,
  sessionToken: undefined,
  ip: 'local',
  setCookie: () => undefined,
  settings: { adjustmentApprovalThreshold: 500 },
});
const analyst = appRouter.createCaller(ctxOf(staffMember(db, 'analyst', 'Ana')));
const marketer = appRouter.createCaller(ctxOf(staffMember(db, 'marketer', 'Max')));
const small = { redemptions: { probability: 0.3 }, startYear: 2025 };

const CSV = [
  'InvoiceNo,InvoiceDate,StockCode,Quantity,UnitPrice,CustomerID',
  'A1,2025-03-01T10:00:00Z,SKU-1,2,10,c1',
  'A2,2025-03-02T10:00:00Z,SKU-2,1,25,c2',
  'A3,2025-03-05T10:00:00Z,SKU-1,1,10,c1',
  'C4,2025-03-06T10:00:00Z,SKU-1,-1,10,c1',
].join('\n');

describe('simulations over tRPC', () => {
  it('lists datasets, runs, compares, stores and reads back runs, and runs scenarios', async () => {
    const { programId, version: v1 } = await marketer.programs.create({ name: 'Bean Club' });
    const saved = await marketer.versions.save({ programId, spec: beanClub(), basedOn: v1.id });
    const richer = beanClub();
    richer.earningRules[0]!.effect = { kind: 'per-currency-unit', points: 2, unitAmount: 1 };
    const v3 = await marketer.versions.save({ programId, spec: richer, basedOn: saved.id });

    const datasets = await analyst.simulations.datasets();
    expect(datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['synthetic-small', 'synthetic-medium', 'synthetic-large', 'online-retail']));

    const { run, result } = await analyst.simulations.run({ versionId: saved.id, datasetId: 'synthetic-small', options: small });
    expect(run).toMatchObject({ programId, kind: 'run', versionId: saved.id, datasetId: 'synthetic-small' });
    expect(result.counts.members).toBe(5_000);
    const p = result.points;
    expect(p.issued).toBe(p.redeemed + p.expired + p.reversed + p.outstanding);
    expect(run.summary.issued).toBe(p.issued);

    const again = await analyst.simulations.get({ runId: run.id });
    expect(again.a).toEqual(result);
    expect(again.b).toBeNull();

    const cmp = await analyst.simulations.compare({ versionIdA: saved.id, versionIdB: v3.id, datasetId: 'synthetic-small', options: small });
    expect(cmp.a.points.issued).toBe(p.issued);
    expect(cmp.deltas.points.issued).toBeGreaterThan(0);
    expect((await analyst.simulations.get({ runId: cmp.run.id })).deltas).toEqual(cmp.deltas);

    const list = await analyst.simulations.list({ programId });
    expect(list.map((r) => r.id)).toEqual([cmp.run.id, run.id]);
    expect(await analyst.simulations.list({ programId, versionId: v3.id })).toEqual([]);

    const scenarios = await analyst.simulations.runScenarios({ versionId: saved.id });
    expect(scenarios).toMatchObject({ passed: true, results: [{ scenarioId: 'sc-weekend-latte', passed: true }] });
  }, 60_000);

  it('imports a CSV history and simulates on it', async () => {
    const { programId } = await marketer.programs.create({ name: 'Shop' });
    const v = await marketer.versions.save({ programId, spec: beanClub() });
    const { id, report } = await analyst.simulations.importDataset({
      name: 'Shop March',
      currency: 'EUR',
      transactionsCsv: CSV,
      mapping: { receipt: 'InvoiceNo', at: 'InvoiceDate', sku: 'StockCode', quantity: 'Quantity', unitPrice: 'UnitPrice', memberId: 'CustomerID' },
      cancellationPrefix: 'C',
    });
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 4 });
    expect((await analyst.simulations.datasets()).find((d) => d.id === id)).toMatchObject({ kind: 'csv', name: 'Shop March', members: 2 });
    const { result } = await analyst.simulations.run({ versionId: v.id, datasetId: id, options: { redemptions: { enabled: false } } });
    // 20 + 25 + 10 EUR at 1 Bean per EUR, plus 50 welcome Beans each; the return of one SKU-1 takes 10 back.
    expect(result.points).toMatchObject({ issued: 155, reversed: 10 });
  });

  it('refuses unknown datasets and versions, and callers without the permission', async () => {
    const err = await analyst.simulations.run({ versionId: 'nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('NOT_FOUND');
    const anonymous = appRouter.createCaller(ctxOf(undefined));
    await expect(anonymous.simulations.datasets()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
