import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../db';
import { postEarn } from '../ledger';
import { signUpMember } from '../members';
import { createProgram } from '../programs';
import { blankProgram } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { saveVersion } from '../versions/save-version';
import { createMetrics, versionSeries } from '.';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);

const { programId, version: v1 } = createProgram({ ctx: { db }, input: { spec: blankProgram('Club'), author: 'system' } });
const v2 = saveVersion({ ctx: { db }, input: { programId, spec: { ...blankProgram('Club'), program: { ...blankProgram('Club').program, pointsName: 'Stars' } }, author: 'system' } });
const member = signUpMember({ ctx: { db }, input: { programId, email: 'm@example.com' } }).member.id;
let n = 0;
function purchase(versionId: string, points: number, at: string) {
  n += 1;
  postEarn({ ctx: { db }, input: { transactionId: `purchase:${n}`, programId, memberId: member, points, programVersionId: versionId, occurredAt: at } });
  db.insert(schema.outbox).values({ id: `p${n}`, type: 'purchase-recorded', programId, memberId: member, payload: { versionId, points }, createdAt: at }).run();
}
const outboxEvent = (type: string, versionId: string, at: string, payload: Record<string, unknown> = {}) =>
  db.insert(schema.outbox).values({ id: `o${(n += 1)}`, type, programId, memberId: member, payload: { versionId, ...payload }, createdAt: at }).run();

describe('per-version time series', () => {
  purchase(v1.id, 10, '2025-03-01T10:05:00.000Z');
  purchase(v1.id, 20, '2025-03-01T10:55:00.000Z');
  purchase(v2.id, 50, '2025-03-01T11:30:00.000Z');
  outboxEvent('reward-redeemed', v1.id, '2025-03-01T11:10:00.000Z', { points: 15 });
  outboxEvent('message-sent', v1.id, '2025-03-01T11:11:00.000Z');
  outboxEvent('event-failed', v2.id, '2025-03-01T11:12:00.000Z');
  outboxEvent('fraud-flagged', v2.id, '2025-03-01T11:13:00.000Z');

  it('aggregates ledger and outbox per version and hour, with every hour of the range present', () => {
    const series = versionSeries({ ctx: { db }, input: { programId, versionIds: [v1.id, v2.id], from: '2025-03-01T10:00:00Z', to: '2025-03-01T13:00:00Z' } });
    const [one, two] = series;
    expect(one!.points.map((p) => p.hour)).toEqual(['2025-03-01T10:00:00.000Z', '2025-03-01T11:00:00.000Z', '2025-03-01T12:00:00.000Z']);
    expect(one!.points[0]).toMatchObject({ events: 2, pointsIssued: 30, pointsRedeemed: 0 });
    expect(one!.points[1]).toMatchObject({ events: 0, pointsRedeemed: 15, rewards: 1, messagesSent: 1 });
    expect(two!.points[1]).toMatchObject({ events: 1, pointsIssued: 50, errors: 1, fraudFlags: 1 });
    expect(two!.points[2]).toMatchObject({ events: 0, pointsIssued: 0 });
    expect(db.$client.prepare('select count(*) from version_metrics').pluck().get()).toBe(3);
  });

  it('refuses versions of another program and overly long ranges', () => {
    expect(() => versionSeries({ ctx: { db }, input: { programId, versionIds: ['nope'], from: '2025-03-01T10:00:00Z', to: '2025-03-01T13:00:00Z' } })).toThrow(/Not versions of this program/);
    expect(() => versionSeries({ ctx: { db }, input: { programId, versionIds: [v1.id], from: '2025-01-01T00:00:00Z', to: '2025-12-01T00:00:00Z' } })).toThrow(/at most 92 days/);
  });
});

describe('Prometheus exposition', () => {
  it('exposes process, HTTP and domain metrics, counting only new rows on each scrape', async () => {
    const metrics = createMetrics({ db });
    const app = new Hono();
    app.use('*', metrics.httpMiddleware);
    app.get('/things/:id', (c) => c.text('ok'));
    await app.request('/things/1');
    await app.request('/things/2');
    await app.request('/nothing');
    const text = await metrics.render();
    expect(text).toMatch(/process_cpu_user_seconds_total \d/);
    expect(text).toMatch(/process_resident_memory_bytes \d/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
    expect(text).toMatch(/process_uptime_seconds \d/);
    expect(text).toContain('http_requests_total{method="GET",route="/things/:id",status="200"} 2');
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/things/:id",status="200"}');
    expect(text).toMatch(/http_requests_total\{method="GET",route="[^"]*",status="404"\} 1/);
    expect(text).toContain(`loyalty_points_issued_total{program_id="${programId}",version_id="${v1.id}"} 30`);
    expect(text).toContain(`loyalty_fraud_flags_total{program_id="${programId}",version_id="${v2.id}"} 1`);
    purchase(v1.id, 5, '2025-03-02T10:00:00.000Z');
    const again = await metrics.render();
    expect(again).toContain(`loyalty_points_issued_total{program_id="${programId}",version_id="${v1.id}"} 35`);
    expect(again).toContain(`loyalty_events_total{program_id="${programId}",version_id="${v1.id}"} 3`);
  });
});
