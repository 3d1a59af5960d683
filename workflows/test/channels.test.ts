import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError, createChannels, loadChannelConfig, type Channels, type OutgoingMessage } from '../src/channels';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

/** Runs `send` and returns the ChannelError it fails with. */
async function failure(send: Promise<unknown>): Promise<ChannelError> {
  const error = await send.then(
    () => {
      throw new Error('expected the delivery to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const email = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 'run-abc:3',
  channel: 'email',
  to: 'ada@example.com',
  subject: 'Welcome to the club',
  body: 'Hi Ada,\n\nyou have 50 points.\n',
  locale: 'en',
  ...overrides,
});

describe('email through a real SMTP server', () => {
  let smtp: SmtpSink;
  let channels: Channels;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    channels = createChannels(
      loadChannelConfig({ SMTP_URL: smtp.url.replace('smtp://', 'smtp://mailer:s3cret@'), MAIL_FROM: 'Meridian Club <club@meridian.example>' }),
    );
  });
  afterAll(async () => {
    await channels?.close();
    await smtp?.stop();
  });

  it('sends a plain-text mail with the subject, and a Message-ID derived from the send id', async () => {
    const { providerRef } = await channels.deliver(email());
    const mail = await smtp.waitForMail((m) => m.messageId === '<run-abc=3A3@meridian.example>');
    expect(providerRef).toBe('<run-abc=3A3@meridian.example>');
    expect(mail).toMatchObject({ from: 'club@meridian.example', to: ['ada@example.com'], user: 'mailer', subject: 'Welcome to the club', text: 'Hi Ada,\n\nyou have 50 points.\n' });
    expect(mail.headers).toMatchObject({ from: 'Meridian Club <club@meridian.example>', to: 'ada@example.com', 'content-language': 'en' });
    expect(mail.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/);
  });

  it('gives a resend of the same id the same Message-ID, so it is recognisable as the same mail', async () => {
    const first = await channels.deliver(email({ id: 'run-resend:1', to: 'bo@example.com' }));
    const again = await channels.deliver(email({ id: 'run-resend:1', to: 'bo@example.com' }));
    expect(again.providerRef).toBe(first.providerRef);
    await smtp.waitForMail((m) => m.messageId === first.providerRef);
    expect(smtp.received().filter((m) => m.messageId === first.providerRef)).toHaveLength(2);
  });

  it('keeps non-ASCII text and subjects intact, and allows an empty subject', async () => {
    await channels.deliver(email({ id: 'run-utf8:1', subject: 'Grüße, Zoë 🎉', body: `Liebe Zoë,\n${'sehr lange Zeile '.repeat(10)}\nbis bald` }));
    const mail = await smtp.waitForMail((m) => m.messageId === '<run-utf8=3A1@meridian.example>');
    expect(mail.subject).toBe('Grüße, Zoë 🎉');
    // SMTP ends the last line with a line break, the only change on the way.
    expect(mail.text).toBe(`Liebe Zoë,\n${'sehr lange Zeile '.repeat(10)}\nbis bald\n`);

    await channels.deliver(email({ id: 'run-empty:1', subject: null, body: 'no subject' }));
    expect((await smtp.waitForMail((m) => m.messageId === '<run-empty=3A1@meridian.example>')).text).toBe('no subject\n');
  });

  it('sends several mails at once over the pool', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `run-pool:${i}`);
    const results = await Promise.all(ids.map((id, i) => channels.deliver(email({ id, to: `member${i}@example.com` }))));
    expect(new Set(results.map((r) => r.providerRef)).size).toBe(8);
    await Promise.all(ids.map((id) => smtp.waitForMail((m) => m.messageId === `<${id.replace(':', '=3A')}@meridian.example>`)));
  });

  it('reports a refused recipient as rejected, without the address', async () => {
    const error = await failure(channels.deliver(email({ id: 'run-reject:1', to: 'reject-cy@example.com' })));
    expect(error).toMatchObject({ kind: 'rejected', channel: 'email', status: 550 });
    expect(error.message).toMatch(/^The email server refused the recipient \(550\): 5\.1\.1 .*Recipient address rejected/);
    expect(error.message).not.toContain('reject-cy');
    expect(smtp.received().some((m) => m.to.includes('reject-cy@example.com'))).toBe(false);
  });

  it('reports a deferred recipient (4xx) as unavailable', async () => {
    const error = await failure(channels.deliver(email({ id: 'run-defer:1', to: 'tempfail@example.com' })));
    expect(error).toMatchObject({ kind: 'unavailable', status: 451 });
    expect(error.message).toMatch(/^The email server deferred the recipient \(451\).*; try again later$/);
    expect(error.message).not.toContain('tempfail@');
  });

  it('refuses a recipient that is not one address, before talking to the server', async () => {
    const error = await failure(channels.deliver(email({ id: 'run-two:1', to: 'ada@example.com, eve@example.com' })));
    expect(error.kind).toBe('rejected');
    expect(error.message).not.toContain('eve@');
  });
});

describe('email when the server is not there', () => {
  it('reports a closed port as unavailable', async () => {
    const port = await closedPort();
    const channels = createChannels({ SMTP_URL: `smtp://user:pw@127.0.0.1:${port}`, MAIL_FROM: 'club@meridian.example' });
    try {
      const error = await failure(channels.deliver(email()));
      expect(error).toMatchObject({ kind: 'unavailable', status: 'ECONNREFUSED' });
      expect(error.message).toBe(`Could not reach the email server at 127.0.0.1:${port} (ECONNREFUSED); try again later, or check SMTP_URL`);
    } finally {
      await channels.close();
    }
  });

  it('gives up on a server that accepts the connection but never greets, within seconds', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const channels = createChannels({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'club@meridian.example' });
    try {
      const started = Date.now();
      const error = await failure(channels.deliver(email()));
      expect(error.kind).toBe('unavailable');
      expect(error.message).toMatch(/did not answer in time \(GREETING_TIMEOUT\)/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await channels.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: unknown };
type Reply = { status: number; body?: string; contentType?: string };

/** A real HTTP provider on 127.0.0.1: records each request and answers with `reply`. */
async function startProvider() {
  const seen: SeenRequest[] = [];
  let reply: Reply = { status: 200, body: '{}' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as unknown) : null });
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answer(next: Reply) {
      reply = next;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SMS and push through a real HTTP provider', () => {
  let sms: Awaited<ReturnType<typeof startProvider>>;
  let push: Awaited<ReturnType<typeof startProvider>>;
  let channels: Channels;
  const text: OutgoingMessage = { id: 'run-sms:2', channel: 'sms', to: '+31612345678', body: 'Thanks for joining!', locale: 'nl' };

  beforeAll(async () => {
    [sms, push] = await Promise.all([startProvider(), startProvider()]);
    channels = createChannels(
      loadChannelConfig({ SMS_PROVIDER_URL: `${sms.url}/v1/messages?account=42`, SMS_PROVIDER_TOKEN: 'sms-secret', PUSH_PROVIDER_URL: `${push.url}/push` }),
    );
  });
  afterAll(async () => {
    await channels?.close();
    await Promise.all([sms?.stop(), push?.stop()]);
  });
  beforeEach(() => {
    sms.seen.length = 0;
    push.seen.length = 0;
  });
  afterEach(() => {
    sms.answer({ status: 200, body: '{}' });
    push.answer({ status: 200, body: '{}' });
  });

  it('posts an SMS as JSON with the idempotency key and the bearer token, and returns the provider id', async () => {
    sms.answer({ status: 201, body: JSON.stringify({ id: 'sms-1', status: 'queued' }) });
    expect(await channels.deliver(text)).toEqual({ providerRef: 'sms-1' });
    expect(sms.seen).toEqual([
      {
        method: 'POST',
        url: '/v1/messages?account=42',
        headers: expect.objectContaining({ 'content-type': 'application/json', 'idempotency-key': 'run-sms:2', authorization: 'Bearer sms-secret' }),
        body: { id: 'run-sms:2', to: '+31612345678', body: 'Thanks for joining!' },
      },
    ]);
  });

  it('posts a push with the subject as title, no Authorization without a token, and reads messageId', async () => {
    push.answer({ status: 200, body: JSON.stringify({ messageId: 'push-77' }) });
    const result = await channels.deliver({ id: 'run-push:4', channel: 'push', to: 'member-123', subject: 'Double points today', body: 'Only until midnight' });
    expect(result).toEqual({ providerRef: 'push-77' });
    expect(push.seen[0]?.body).toEqual({ id: 'run-push:4', to: 'member-123', body: 'Only until midnight', title: 'Double points today' });
    expect(push.seen[0]?.headers.authorization).toBeUndefined();
    expect(push.seen[0]?.headers['idempotency-key']).toBe('run-push:4');
  });

  it('falls back to the idempotency key when the provider names no id', async () => {
    sms.answer({ status: 202, body: '' });
    expect(await channels.deliver(text)).toEqual({ providerRef: 'run-sms:2' });
    sms.answer({ status: 200, body: 'OK', contentType: 'text/plain' });
    expect(await channels.deliver(text)).toEqual({ providerRef: 'run-sms:2' });
  });

  it('reports a 400 as rejected with the provider’s detail, keeping the number out', async () => {
    sms.answer({ status: 400, body: JSON.stringify({ type: 'about:blank', title: 'Bad Request', detail: 'invalid number' }) });
    const error = await failure(channels.deliver(text));
    expect(error).toMatchObject({ kind: 'rejected', channel: 'sms', status: 400, message: 'The SMS provider refused the message (400): invalid number' });

    sms.answer({ status: 422, body: JSON.stringify({ message: 'number +31612345678 is not mobile' }) });
    const quoted = await failure(channels.deliver(text));
    expect(quoted.message).toBe('The SMS provider refused the message (422): number [redacted] is not mobile');
  });

  it('points at the token when the provider refuses the credentials', async () => {
    push.answer({ status: 401, body: JSON.stringify({ error: { message: 'unknown API key' } }) });
    const error = await failure(channels.deliver({ id: 'run-push:5', channel: 'push', to: 'member-123', body: 'hi' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 401, message: 'The push provider refused our credentials (401): unknown API key; check PUSH_PROVIDER_TOKEN' });
  });

  it.each([503, 500, 429, 408])('reports %i as unavailable', async (status) => {
    sms.answer({ status, body: JSON.stringify({ detail: 'please slow down' }) });
    const error = await failure(channels.deliver(text));
    expect(error).toMatchObject({ kind: 'unavailable', status, message: `The SMS provider could not take the message now (${status}): please slow down; try again later` });
  });

  it('does not quote an HTML error page', async () => {
    sms.answer({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' });
    expect((await failure(channels.deliver(text))).message).toBe('The SMS provider could not take the message now (502); try again later');
  });

  it('reports a provider that is not listening as unavailable', async () => {
    const port = await closedPort();
    const down = createChannels({ SMS_PROVIDER_URL: `http://127.0.0.1:${port}/send?key=abc` });
    const error = await failure(down.deliver(text));
    expect(error).toMatchObject({ kind: 'unavailable', status: 'ECONNREFUSED' });
    expect(error.message).toBe(`Could not reach the SMS provider at 127.0.0.1:${port} (ECONNREFUSED); try again later, or check SMS_PROVIDER_URL`);
    await down.close();
  });
});

describe('channels that are not set up', () => {
  it('answer not-configured, saying which variables to set', async () => {
    const channels = createChannels({});
    expect(['email', 'sms', 'push'].map((c) => channels.configured(c as OutgoingMessage['channel']))).toEqual([false, false, false]);
    expect(await failure(channels.deliver(email()))).toMatchObject({ kind: 'not-configured', channel: 'email', message: 'No email server is configured: set SMTP_URL and MAIL_FROM' });
    expect(await failure(channels.deliver({ id: 'x:1', channel: 'sms', to: '+31612345678', body: 'hi' }))).toMatchObject({
      kind: 'not-configured',
      message: 'No SMS provider is configured: set SMS_PROVIDER_URL (and SMS_PROVIDER_TOKEN if the provider needs one)',
    });
    expect((await failure(channels.deliver({ id: 'x:2', channel: 'push', to: 'm-1', body: 'hi' }))).kind).toBe('not-configured');
    await channels.close();
  });

  it('configure only what is set', async () => {
    const channels = createChannels(loadChannelConfig({ PUSH_PROVIDER_URL: 'https://push.example.com/send' }));
    expect(channels.configured('push')).toBe(true);
    expect(channels.configured('email')).toBe(false);
    await channels.close();
  });
});
