import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { schema } from '@loyalty/engine/db';
import { enrolMember, getMemberStatus, processPurchase } from '@loyalty/engine/events';
import { withWelcomeJourney } from '@loyalty/engine/journeys';
import { writeOutboxEvent } from '@loyalty/engine/ledger';
import { createLogger } from '@loyalty/engine/log';
import { createProgram, createTemplateCatalog } from '@loyalty/engine/programs';
import { recordRelease } from '@loyalty/engine/releases';
import { tempDatabase } from '@loyalty/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, createChannels, loadChannelConfig, relayJourneyEvents, WORKFLOWS_PATH, type Channels } from '../src';
import { recordHistory } from './histories';
import { startSmtpSink } from './support/smtp-sink';
import { startTimeSkippingServer } from './temporal-env';
import { quietRuntime } from './worker-harness';

const TASK_QUEUE = 'journeys-test';
const { journeyRuns, messages } = schema;

type SmsRequest = { headers: http.IncomingHttpHeaders; body: { id: string; to: string; body: string } };

/** A real HTTP SMS provider on loopback that accepts every message and remembers it. */
async function startSmsProvider() {
  const received: SmsRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) as SmsRequest['body'] });
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`, received, stop: () => new Promise((r) => server.close(r)) };
}

// End to end on real components: the time-skipping Temporal test server, the journey workflow and
// activities over a SQLite file, a real SMTP server process and a real HTTP SMS provider.
describe('journeys on the real Temporal test server', { timeout: 300_000 }, () => {
  let env: TestWorkflowEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let sms: Awaited<ReturnType<typeof startSmsProvider>>;
  let channels: Channels;
  const { db, cleanup } = tempDatabase('loyalty-journeys-wf-');
  let programId: string;

  beforeAll(async () => {
    quietRuntime();
    [env, smtp, sms] = await Promise.all([startTimeSkippingServer(), startSmtpSink(), startSmsProvider()]);
    channels = createChannels(loadChannelConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Meridian Style Club <club@meridian.example>', SMS_PROVIDER_URL: sms.url, SMS_PROVIDER_TOKEN: 'sms-secret' }));
    const { spec } = createTemplateCatalog().load('retail-tiers');
    const created = createProgram({ ctx: { db }, input: { spec: withWelcomeJourney(spec), author: 'test', templateId: 'retail-tiers' } });
    programId = created.programId;
    recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId: created.version.id, reason: 'test' } });
    await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE }); // the relay's first round: from now on
  });
  afterAll(async () => {
    await channels?.close();
    await Promise.all([env?.teardown(), smtp?.stop(), sms?.stop()]);
    cleanup();
  });

  const worker = () =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      activities: createActivities({ db, log: createLogger({ name: 'test', level: 'silent' }), channels }),
    });
  const join = (name: string) =>
    enrolMember({ ctx: { db }, input: { programId, email: `${name}@example.com`, phone: `+3161234${String(name.length).padStart(4, '0')}`, firstName: name, consents: { email: true, sms: true } } }).member;
  const runOf = (memberId: string) => `journey:${programId}:journey-welcome:${memberId}`;
  const messagesOf = (memberId: string) => db.select().from(messages).where(eq(messages.memberId, memberId)).all();

  it('welcomes by email and SMS, books the bonus, and nudges by email when no visit follows within 14 days', async () => {
    const anna = join('anna');
    const w = await worker();
    await w.runUntil(async () => {
      expect(await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE })).toMatchObject({ started: 1 });
      // A second round finds nothing new: the cursor moved past the sign-up.
      expect(await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE })).toEqual({ started: 0, signalled: 0 });
      expect(await env.client.workflow.getHandle(runOf(anna.id)).result()).toEqual({ steps: 10, status: 'completed' });
    });
    await recordHistory(env.client.workflow.getHandle(runOf(anna.id)), 'journey-welcome-nudged', env.address);

    const hello = await smtp.waitForMail((m) => m.subject === 'Welcome to Meridian Style Club');
    expect(hello.to).toEqual(['anna@example.com']);
    expect(hello.text).toMatch(/^Hi anna, you have \d+ Points\./);
    await smtp.waitForMail((m) => m.subject === 'We miss you' && m.text.includes('Come by, anna.'));
    expect(sms.received).toHaveLength(1);
    expect(sms.received[0]).toMatchObject({ body: { to: anna.phone, body: 'Thanks for joining Meridian Style Club!' }, headers: { authorization: 'Bearer sms-secret', 'idempotency-key': `${runOf(anna.id)}:1` } });

    expect(messagesOf(anna.id).map((m) => [m.stepId, m.channel, m.status])).toEqual([
      ['hello', 'email', 'sent'],
      ['text', 'sms', 'sent'],
      ['receipt', 'receipt', 'queued'],
      ['nudge', 'email', 'sent'],
    ]);
    expect(messagesOf(anna.id)[1]?.providerRef).toBe('sms-1');
    expect(db.select().from(journeyRuns).where(eq(journeyRuns.id, runOf(anna.id))).get()).toMatchObject({ status: 'completed', stepId: 'done' });
    expect(getMemberStatus({ ctx: { db }, input: { programId, memberId: anna.id } }).balance.lifetimeEarned).toBeGreaterThanOrEqual(50);
  });

  it('moves on at the first visit instead of nudging, when the purchase comes while it waits', async () => {
    const bo = join('bo');
    const w = await worker();
    await w.runUntil(async () => {
      await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE });
      await env.sleep('3 days'); // past the 2-day pause: now waiting for the first visit
      processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: 'J-1', member: { memberId: bo.id }, items: [{ ref: '1', sku: 'NC-SHIRT', quantity: 1, price: 40 }] } });
      expect(await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE })).toMatchObject({ started: 0 });
      expect(await env.client.workflow.getHandle(runOf(bo.id)).result()).toEqual({ steps: 9, status: 'completed' });
    });
    await recordHistory(env.client.workflow.getHandle(runOf(bo.id)), 'journey-welcome-visited', env.address);
    expect(messagesOf(bo.id).map((m) => m.stepId)).toEqual(['hello', 'text', 'receipt']);
  });

  it('sends a reminder 30 days before announced points expire', async () => {
    const dee = join('dee');
    const w = await worker();
    const expiresAt = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const runId = await w.runUntil(async () => {
      await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE });
      writeOutboxEvent(db, { id: `${dee.id}:points-expiring:${expiresAt}`, type: 'points-expiring', programId, memberId: dee.id, payload: { points: 80, expiresAt } });
      await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE });
      const [run] = db.select().from(journeyRuns).where(eq(journeyRuns.journeyId, 'journey-expiry')).all();
      await env.client.workflow.getHandle(run!.id).result();
      await env.client.workflow.getHandle(runOf(dee.id)).result(); // the welcome journey goes on alongside
      return run!.id;
    });
    await recordHistory(env.client.workflow.getHandle(runId), 'journey-expiry-reminder', env.address);
    const reminder = messagesOf(dee.id).find((m) => m.runId === runId);
    expect(reminder).toMatchObject({ status: 'sent', body: `80 points expire on ${expiresAt.slice(0, 10)}.` });
    expect(Date.parse(reminder!.createdAt)).toBeGreaterThanOrEqual(Date.parse(expiresAt) - 30 * 86_400_000);
  });

  it('records a refused message with the provider’s reason and goes on', async () => {
    const { spec } = createTemplateCatalog().load('retail-tiers');
    const refused = createProgram({ ctx: { db }, input: { spec: withWelcomeJourney(spec), author: 'test', templateId: 'retail-tiers' } });
    recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId: refused.programId, versionId: refused.version.id, reason: 'test' } });
    const cy = enrolMember({ ctx: { db }, input: { programId: refused.programId, email: 'reject-cy@example.com', consents: { email: true } } }).member;
    const w = await worker();
    await w.runUntil(async () => {
      await relayJourneyEvents({ db, client: env.client, taskQueue: TASK_QUEUE });
      await env.client.workflow.getHandle(`journey:${refused.programId}:journey-welcome:${cy.id}`).result();
    });
    const [hello] = messagesOf(cy.id);
    expect(hello).toMatchObject({ stepId: 'hello', status: 'failed' });
    expect(hello?.reason).toMatch(/refused|rejected/i);
    expect(messagesOf(cy.id).map((m) => [m.stepId, m.status])).toContainEqual(['text', 'skipped']);
  });
});
