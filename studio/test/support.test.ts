/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { schema } from '@loyalty/engine/db';
import { holdEarnedPoints, postEarn } from '@loyalty/engine/ledger';
import { signUpMember } from '@loyalty/engine/members';
import { createProgram } from '@loyalty/engine/programs';
import { blankProgram } from '@loyalty/engine/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startStudioServer } from './server';
import { signedInPage } from './sign-in';

describe('support desk in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStudioServer>>;
  let programId: string;
  let anaId: string;

  beforeAll(async () => {
    server = await startStudioServer();
    browser = await launchChromium();
    const db = server.db;
    programId = createProgram({ ctx: { db }, input: { spec: blankProgram('Bean Club'), author: 'system' } }).programId;
    const ana = signUpMember({ ctx: { db }, input: { programId, firstName: 'Ana', email: 'ana@example.com', phone: '+4915123456789', consents: { email: true } } }).member;
    anaId = ana.id;
    postEarn({ ctx: { db }, input: { transactionId: 'purchase-1', programId, memberId: ana.id, points: 200, sourceRef: 'purchase:1' } });
    postEarn({ ctx: { db }, input: { transactionId: 'purchase-2', programId, memberId: ana.id, points: 80, sourceRef: 'purchase:2', pendingDays: 14 } });
    const dup = signUpMember({ ctx: { db }, input: { programId, firstName: 'Ana', email: 'ana.old@example.com' } }).member;
    postEarn({ ctx: { db }, input: { transactionId: 'purchase-3', programId, memberId: dup.id, points: 30, sourceRef: 'purchase:3' } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const available = (page: Page) => page.getByTestId('balance-available').textContent();

  async function adjust(page: Page, points: string, reason: string): Promise<string> {
    await page.getByRole('button', { name: 'Adjust points' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Adjust points' });
    await dialog.getByLabel('Points').fill(points);
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.locator('button[type=submit]').click();
    const outcome = dialog.getByTestId('adjust-outcome');
    await outcome.waitFor();
    return (await outcome.textContent()) ?? '';
  }

  it('finds a member by phone in another format, adjusts points, and a second agent approves the large one', async () => {
    const page = await signedInPage(browser, server, 'support', 'Sam Support');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.waitForURL(/\/members$/);
    await expect.poll(() => page.textContent('main')).toContain('Find a member');
    await screenshot(page, 'support-01-members-empty');

    await page.selectOption('select[name=country]', 'DE');
    await page.fill('input[name=member-query]', 'zz-nobody@example.org');
    await expect.poll(() => page.textContent('main')).toContain('No member found');
    await screenshot(page, 'support-02-no-result');

    await page.fill('input[name=member-query]', '0151 2345 6789');
    const results = page.getByTestId('search-results');
    await expect.poll(() => results.textContent().catch(() => '')).toContain('+4915123456789');
    await screenshot(page, 'support-03-search-by-phone');
    await results.getByRole('link', { name: 'Ana' }).click();
    await page.waitForURL(new RegExp(`/members/${programId}/${anaId}$`));
    await expect.poll(() => available(page)).toBe('200');
    expect(await page.getByTestId('balance').textContent()).toContain('80 on');
    await screenshot(page, 'support-04-member');

    const small = await adjust(page, '50', 'Goodwill for a delayed delivery');
    expect(small).toContain('Applied');
    await screenshot(page, 'support-05-adjust-applied');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => available(page)).toBe('250');

    const large = await adjust(page, '5000', 'Lost purchases from the old card, ticket 88');
    expect(large).toContain('Waiting for approval');
    await screenshot(page, 'support-06-adjust-pending');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('adjustments').textContent()).toContain('Waiting for approval');
    expect(await available(page)).toBe('250');
    await screenshot(page, 'support-07-member-after-adjustments');

    // The requester cannot approve their own request: the server's message is shown.
    await page.goto(`${server.url}/members`);
    await page.getByRole('tab', { name: /Pending approvals/ }).click();
    const own = page.getByTestId('pending-adjustment');
    await own.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => own.getByRole('alert').textContent()).toContain('A second person must approve');
    await screenshot(page, 'support-08-own-approval-refused');

    const lead = await signedInPage(browser, server, 'support', 'Lea Lead');
    await lead.goto(`${server.url}/members`);
    await lead.getByRole('tab', { name: /Pending approvals/ }).click();
    const request = lead.getByTestId('pending-adjustment');
    await expect.poll(() => request.textContent()).toContain('+5,000 points');
    await request.getByPlaceholder(/Note/).fill('Checked the old card statement');
    await screenshot(lead, 'support-09-pending-approvals');
    await request.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => lead.textContent('main')).toContain('Nothing waiting for approval');
    await lead.goto(`${server.url}/members/${programId}/${anaId}`);
    await expect.poll(() => available(lead)).toBe('5,250');
    expect(await lead.getByTestId('adjustments').textContent()).toContain('Checked the old card statement');
    await screenshot(lead, 'support-10-approved');
  });

  it('merges a duplicate after showing what moves', async () => {
    const page = await signedInPage(browser, server, 'support', 'Max Merger');
    await page.goto(`${server.url}/members/${programId}/${anaId}`);
    await expect.poll(() => available(page)).toBe('5,250');
    await page.getByRole('button', { name: 'Merge duplicate' }).click();
    const dialog = page.getByRole('dialog', { name: /Merge a duplicate/ });
    await dialog.locator('input[name=merge-query]').fill('ana.old@example.com');
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog.getByRole('button', { name: 'Choose' }).click();
    const summary = dialog.getByTestId('merge-summary');
    await expect.poll(() => summary.textContent()).toContain('30 available');
    expect(await dialog.textContent()).toContain('30 points move to Ana');
    await dialog.getByLabel('Reason').fill('Same customer, signed up twice');
    await screenshot(page, 'support-11-merge-summary');
    await dialog.getByRole('button', { name: /Merge, this cannot be undone/ }).click();
    await expect.poll(() => available(page)).toBe('5,280');
    expect(await page.getByTestId('history').textContent()).toContain('Merged from a duplicate');
    expect(await page.getByTestId('history').textContent()).toContain('on the duplicate merged into this member');
    await screenshot(page, 'support-12-merged');
  });

  it('pages through a long history with "Load more"', async () => {
    const db = server.db;
    const bo = signUpMember({ ctx: { db }, input: { programId, firstName: 'Bo', email: 'bo@example.com' } }).member;
    for (let i = 1; i <= 30; i++) postEarn({ ctx: { db }, input: { transactionId: `bo-${i}`, programId, memberId: bo.id, points: i, sourceRef: `purchase:bo-${i}` } });
    const page = await signedInPage(browser, server, 'support', 'Pia Pager');
    await page.goto(`${server.url}/members/${programId}/${bo.id}`);
    const rows = page.getByTestId('history').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(30);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(await available(page)).toBe('465');
  });

  it('shows the messages journeys sent, and the ones they did not send with why', async () => {
    const db = server.db;
    const message = (row: Omit<typeof schema.messages.$inferInsert, 'programId'>) => db.insert(schema.messages).values({ programId, ...row }).run();
    message({
      id: 'welcome-run:1',
      memberId: anaId,
      journeyId: 'welcome',
      stepId: 'send-welcome-email',
      templateId: 'welcome-email',
      channel: 'email',
      recipient: 'ana@example.com',
      subject: 'Welcome to Bean Club, Ana',
      body: 'Hi Ana,\n\nthank you for joining. Your first coffee is on us.',
      status: 'sent',
      providerRef: '<welcome-1@example.com>',
      createdAt: '2026-03-01T09:00:00.000Z',
      sentAt: '2026-03-01T09:00:00.000Z',
    });
    message({
      id: 'welcome-run:2',
      memberId: anaId,
      journeyId: 'welcome',
      stepId: 'send-welcome-sms',
      templateId: 'welcome-sms',
      channel: 'sms',
      body: 'Welcome Ana! Show this text for a free coffee.',
      status: 'skipped',
      reason: 'The member has not agreed to text messages.',
      createdAt: '2026-03-01T09:05:00.000Z',
    });
    const page = await signedInPage(browser, server, 'support', 'Mo Messages');
    await page.goto(`${server.url}/members/${programId}/${anaId}`);
    const rows = page.getByTestId('messages').getByTestId('message');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first: the text message that was not sent, then the email.
    const sms = rows.nth(0);
    expect(await sms.textContent()).toContain('Text message (SMS)');
    expect(await sms.textContent()).toContain('Welcome Ana! Show this text for a free coffee.');
    expect(await sms.textContent()).toContain('Not sent');
    expect(await sms.textContent()).toContain('The member has not agreed to text messages.');
    expect(await sms.locator('td').nth(4).textContent()).toMatch(/^\s*welcome\s*step send-welcome-sms\s*$/);
    const email = rows.nth(1);
    expect(await email.textContent()).toContain('Email');
    expect(await email.textContent()).toContain('Welcome to Bean Club, Ana');
    expect(await email.textContent()).toContain('Sent');
    expect(await email.textContent()).toContain('to ana@example.com');
    expect(await email.textContent()).not.toContain('Not sent');
    expect(await page.getByRole('button', { name: 'Show more messages' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Messages' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'support-16-messages');

    // A member no journey wrote to yet: the empty state says when messages appear.
    const eve = signUpMember({ ctx: { db }, input: { programId, firstName: 'Eve', email: 'eve@example.com' } }).member;
    await page.goto(`${server.url}/members/${programId}/${eve.id}`);
    await expect.poll(() => page.textContent('main')).toContain('No messages yet');
    expect(await page.textContent('main')).toContain('Messages appear here when one of the program');

    // More than a page: "Show more messages" brings the rest, then goes away; it works from the keyboard.
    for (let i = 0; i < 23; i++) {
      const at = `2026-04-01T09:${String(i).padStart(2, '0')}:00.000Z`;
      message({ id: `eve-${i}`, memberId: eve.id, templateId: 'receipt-line', channel: 'receipt', body: `Receipt tip ${i}`, status: i < 3 ? 'queued' : 'sent', createdAt: at, sentAt: i < 3 ? null : at });
    }
    await page.reload();
    const eveRows = page.getByTestId('messages').getByTestId('message');
    await expect.poll(() => eveRows.count()).toBe(20);
    expect(await eveRows.nth(0).textContent()).toContain('Receipt tip 22');
    const more = page.getByRole('button', { name: 'Show more messages' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => eveRows.count()).toBe(23);
    expect(await eveRows.nth(22).textContent()).toContain('Waiting for next receipt');
    expect(await eveRows.nth(22).textContent()).toContain('Line on the till receipt');
    expect(await more.count()).toBe(0);
  });

  it('shows the journeys the member is in, with where each is and why one failed', async () => {
    const db = server.db;
    const versionId = db.select().from(schema.programVersions).all().find((v) => v.programId === programId)!.id;
    // Journeys the (blank) version does not have: the list falls back to their ids.
    const run = (row: Omit<typeof schema.journeyRuns.$inferInsert, 'programId' | 'versionId' | 'memberId' | 'updatedAt'>) =>
      db.insert(schema.journeyRuns).values({ programId, versionId, memberId: anaId, updatedAt: row.endedAt ?? row.startedAt, ...row }).run();
    run({ id: 'run-welcome', journeyId: 'welcome', triggerEventId: 'event-signup', status: 'failed', stepId: 'send-welcome-email', error: 'The message text could not be filled in: unknown filter "shout".', startedAt: '2026-03-01T12:00:00.000Z', endedAt: '2026-03-01T12:05:00.000Z' });
    run({ id: 'run-coffee', journeyId: 'coffee-nudge', triggerEventId: 'event-purchase', status: 'running', stepId: 'wait-for-visit', variant: 'B', startedAt: '2026-03-04T12:00:00.000Z' });
    const page = await signedInPage(browser, server, 'support', 'Jo Journeys');
    await page.goto(`${server.url}/members/${programId}/${anaId}`);
    const rows = page.getByTestId('journey-runs').getByTestId('journey-run');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first: the running journey, then the one that failed.
    const running = rows.nth(0);
    expect(await running.getAttribute('data-status')).toBe('running');
    const cells = (row: typeof running) => row.locator('td').allTextContents().then((t) => t.map((s) => s.replace(/\s+/g, ' ').trim()));
    const [journey, step, status, variant, started, ended] = await cells(running);
    expect([journey, step, status, variant, ended]).toEqual(['coffee-nudge', 'wait-for-visit', 'Running', 'B', '–']);
    expect(started).toMatch(/^4 Mar 2026, \d\d:\d\d$/);
    const failed = rows.nth(1);
    expect(await failed.getAttribute('data-status')).toBe('failed');
    const [fJourney, fStep, fStatus, fVariant, , fEnded] = await cells(failed);
    expect([fJourney, fStep, fVariant]).toEqual(['welcome', 'send-welcome-email', '–']);
    expect(fStatus).toBe('Failed The message text could not be filled in: unknown filter "shout".');
    expect(fEnded).toMatch(/^1 Mar 2026, \d\d:\d\d$/);
    await page.getByRole('heading', { name: 'Journeys' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'support-17-journeys');

    // A member no journey started for yet: the empty state says so.
    const flo = signUpMember({ ctx: { db }, input: { programId, firstName: 'Flo', email: 'flo@example.com' } }).member;
    await page.goto(`${server.url}/members/${programId}/${flo.id}`);
    await expect.poll(() => page.textContent('main')).toContain('No journeys yet');
    expect(await page.textContent('main')).toContain('The member is in no journey yet.');
  });

  it('releases points a fraud rule held, with a reason', async () => {
    const db = server.db;
    const cy = signUpMember({ ctx: { db }, input: { programId, firstName: 'Cy', email: 'cy@example.com' } }).member;
    postEarn({ ctx: { db }, input: { transactionId: 'cy-1', programId, memberId: cy.id, points: 120, sourceRef: 'purchase:cy-1' } });
    holdEarnedPoints({ ctx: { db }, input: { programId, earnTransactionId: 'cy-1', reason: '12 purchases within 60 minutes (limit 10)', ruleId: 'fraud-velocity' } });
    const page = await signedInPage(browser, server, 'support', 'Hal Holds');
    await page.goto(`${server.url}/members/${programId}/${cy.id}`);
    const held = page.getByTestId('held-points');
    await expect.poll(() => held.textContent().catch(() => '')).toContain('12 purchases within 60 minutes');
    expect(await available(page)).toBe('0');
    expect(await page.getByTestId('balance').textContent()).toContain('120 held for review');
    await held.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Say why');
    await held.getByLabel('Reason for the decision').fill('Team event, receipts checked');
    await screenshot(page, 'support-13-held-points');
    await held.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => available(page)).toBe('120');
    expect(await page.getByTestId('held-points').count()).toBe(0);
    expect(await page.getByTestId('history').textContent()).toContain('Released after review');
  });

  it('offers Members but not Admin or adjusting to an analyst, and neither to a marketer', async () => {
    const analyst = await signedInPage(browser, server, 'analyst', 'Ada Analyst');
    const nav = analyst.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.textContent()).toContain('Members');
    expect(await nav.textContent()).not.toContain('Admin');
    await analyst.goto(`${server.url}/members/${programId}/${anaId}`);
    await expect.poll(() => available(analyst)).toBe('5,280');
    expect(await analyst.getByRole('button', { name: 'Adjust points' }).count()).toBe(0);
    expect(await analyst.getByRole('button', { name: 'Merge duplicate' }).count()).toBe(0);
    await screenshot(analyst, 'support-14-analyst-read-only');
    await analyst.goto(`${server.url}/members`);
    await expect.poll(() => analyst.textContent('main')).toContain('Find a member');
    expect(await analyst.getByRole('tab', { name: /Pending approvals/ }).count()).toBe(0);

    const marketer = await signedInPage(browser, server, 'marketer', 'Mia Marketer');
    const mNav = marketer.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => mNav.textContent()).toContain('Programs');
    expect(await mNav.textContent()).not.toContain('Members');
    expect(await mNav.textContent()).not.toContain('Admin');
    await marketer.goto(`${server.url}/members`);
    await expect.poll(() => marketer.textContent('main')).toContain("You don't have access");
    await screenshot(marketer, 'support-15-marketer-no-access');
  });
});
