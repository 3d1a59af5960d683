import { afterAll, describe, expect, it } from 'vitest';
import { messages } from '../db/schema/messaging';
import { DomainError } from '../errors';
import { appRouter } from '../http/trpc/router';
import type { TrpcContext } from '../http/trpc/init';
import { seedProgram } from '../ledger/test-fixtures';
import { createLogger } from '../log';
import { createTemplateCatalog } from '../programs/template-catalog';
import { tempDatabase } from '../testing/temp-db';
import { staffMember } from '../testing/staff';
import { listMemberMessages, PREVIEW_LENGTH, previewOf } from './list-member-messages';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
seedProgram(db, 'p1', ['ana', 'bo', 'dee']);
seedProgram(db, 'p2', ['cy']);

let n = 0;
/** A message row as a journey writes it; run_id may stay empty. */
function message(memberId: string, createdAt: string, over: Partial<typeof messages.$inferInsert> = {}): string {
  const id = over.id ?? `msg-${++n}`;
  db.insert(messages)
    .values({
      id,
      programId: memberId === 'cy' ? 'p2' : 'p1',
      memberId,
      journeyId: 'welcome',
      stepId: 'send-welcome',
      templateId: 'tpl-welcome',
      channel: 'email',
      recipient: `${memberId}@example.com`,
      subject: 'Welcome',
      body: 'Hi there',
      status: 'sent',
      createdAt,
      sentAt: createdAt,
      ...over,
    })
    .run();
  return id;
}
const list = (input: { programId?: string; memberId: string; limit?: number; cursor?: string }) =>
  listMemberMessages({ ctx: { db }, input: { programId: 'p1', ...input } });

describe('listMemberMessages', () => {
  const older = message('ana', '2026-03-01T09:00:00.000Z', { id: 'older' });
  // Three written in the same millisecond: the order they were written in decides, not their ids.
  const sameC = message('ana', '2026-03-02T09:00:00.000Z', { id: 'c-first' });
  const sameA = message('ana', '2026-03-02T09:00:00.000Z', { id: 'a-second' });
  const sameB = message('ana', '2026-03-02T09:00:00.000Z', { id: 'b-third' });
  const skipped = message('ana', '2026-03-03T09:00:00.000Z', {
    id: 'skipped-sms',
    channel: 'sms',
    status: 'skipped',
    reason: 'The member has not agreed to text messages.',
    subject: null,
    body: 'Your   points\nare waiting,\tAna.',
    recipient: null,
    sentAt: null,
    providerRef: null,
  });
  message('bo', '2026-03-04T09:00:00.000Z');
  message('cy', '2026-03-04T09:00:00.000Z');

  it('lists the member’s messages newest first, with what support needs', () => {
    const page = list({ memberId: 'ana' });
    expect(page.items.map((m) => m.id)).toEqual([skipped, sameB, sameA, sameC, older]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toEqual({
      id: 'skipped-sms',
      channel: 'sms',
      status: 'skipped',
      reason: 'The member has not agreed to text messages.',
      subject: null,
      preview: 'Your points are waiting, Ana.',
      recipient: null,
      journeyId: 'welcome',
      stepId: 'send-welcome',
      templateId: 'tpl-welcome',
      createdAt: '2026-03-03T09:00:00.000Z',
      sentAt: null,
    });
    expect(page.items[0]).not.toHaveProperty('body');
  });

  it('pages with an opaque cursor, keeping rows of the same millisecond in order across pages', () => {
    const first = list({ memberId: 'ana', limit: 2 });
    expect(first.items.map((m) => m.id)).toEqual([skipped, sameB]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = list({ memberId: 'ana', limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((m) => m.id)).toEqual([sameA, sameC]);
    const third = list({ memberId: 'ana', limit: 2, cursor: second.nextCursor! });
    expect(third.items.map((m) => m.id)).toEqual([older]);
    expect(third.nextCursor).toBeNull();
  });

  it('shows only the given program’s member', () => {
    expect(list({ memberId: 'bo' }).items).toHaveLength(1);
    expect(list({ memberId: 'cy' }).items).toEqual([]);
    expect(list({ programId: 'p2', memberId: 'ana' }).items).toEqual([]);
    expect(list({ programId: 'p2', memberId: 'cy' }).items).toHaveLength(1);
  });

  it('answers 20 by default and at most 100 per page', () => {
    for (let i = 0; i < 25; i++) message('bo', `2026-02-01T09:00:${String(i).padStart(2, '0')}.000Z`);
    const page = list({ memberId: 'bo' });
    expect(page.items).toHaveLength(20);
    expect(list({ memberId: 'bo', cursor: page.nextCursor! }).items).toHaveLength(6);
    expect(() => list({ memberId: 'bo', limit: 101 })).toThrow();
    expect(() => list({ memberId: 'bo', limit: 0 })).toThrow();
  });

  it('refuses a cursor it did not make', () => {
    for (const cursor of ['nonsense', Buffer.from('["2026-01-01",1.5]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      let error: unknown;
      try {
        list({ memberId: 'ana', cursor });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/cursor is not valid/) });
    }
  });
});

describe('previewOf', () => {
  it('puts the text on one line and cuts it short', () => {
    expect(previewOf(null)).toBeNull();
    expect(previewOf(' \n ')).toBeNull();
    expect(previewOf('Hi Ana,\r\n\r\nyour points  are here.')).toBe('Hi Ana, your points are here.');
    const long = previewOf('word '.repeat(100))!;
    expect(long).toBe(`${'word '.repeat(27)}word…`);
    expect([...long]).toHaveLength(PREVIEW_LENGTH);
    // No space before the ellipsis when the cut falls after a word.
    expect(previewOf(`${'x'.repeat(138)} more words`)).toBe(`${'x'.repeat(138)}…`);
    // Characters outside the basic plane are not split in half.
    expect(previewOf('🎉'.repeat(200))).toBe(`${'🎉'.repeat(PREVIEW_LENGTH - 1)}…`);
  });
});

describe('members over tRPC', () => {
  const context: TrpcContext = {
    db,
    log: createLogger({ name: 'messages-test', level: 'silent' }),
    templates: createTemplateCatalog(),
    principal: staffMember(db, 'support', 'Sam'),
    sessionToken: undefined,
    ip: 'local',
    setCookie: () => undefined,
    settings: { adjustmentApprovalThreshold: 500 },
  };
  const caller = appRouter.createCaller(context);
  for (let i = 0; i < 23; i++) message('dee', `2026-04-01T09:00:${String(i).padStart(2, '0')}.000Z`, { subject: `Letter ${i}` });

  it('get answers the first page of messages, messages the next ones', async () => {
    const detail = await caller.members.get({ programId: 'p1', memberId: 'dee' });
    expect(detail.messages.items).toHaveLength(20);
    expect(detail.messages.items[0]).toMatchObject({ channel: 'email', status: 'sent', subject: 'Letter 22', preview: 'Hi there' });
    const more = await caller.members.messages({ programId: 'p1', memberId: 'dee', cursor: detail.messages.nextCursor! });
    expect(more.items.map((m) => m.subject)).toEqual(['Letter 2', 'Letter 1', 'Letter 0']);
    expect(more.nextCursor).toBeNull();
  });

  it('answers NOT_FOUND for a member of another program and BAD_REQUEST for a cursor it did not make', async () => {
    await expect(caller.members.messages({ programId: 'p2', memberId: 'dee' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.members.messages({ programId: 'p1', memberId: 'dee', cursor: 'nonsense' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
