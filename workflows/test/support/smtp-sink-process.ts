/**
 * A real SMTP server for tests, run as its own process by `smtp-sink.ts` (`node --import tsx`).
 * Talks to its parent in JSON lines on stdout:
 *   {"type":"listening","port":12345}
 *   {"type":"mail","mail":{ envelope, user, headers, messageId, subject, text, ... }}
 * Accepts any login (or none). Refuses recipients whose address starts with `reject` (550) and
 * defers those starting with `tempfail` (451), so tests can see both kinds of failure.
 * Exits when stdin closes, so it never outlives a test runner that died without calling stop().
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import { parseMail } from './smtp-sink-parse';

function emit(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const server = new SMTPServer({
  logger: false,
  authOptional: true,
  // Plain-text AUTH without TLS: tests pass user:pass in SMTP_URL against 127.0.0.1.
  allowInsecureAuth: true,
  // The built-in certificate is self-signed; offering STARTTLS would make clients fail to verify it.
  disabledCommands: ['STARTTLS'],
  size: 10 * 1024 * 1024,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? 'anonymous' });
  },
  onRcptTo(address, _session, callback) {
    const to = address.address.toLowerCase();
    // Worded like Postfix, quoting the address, so tests can check it is kept out of our errors.
    if (to.startsWith('reject')) return callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown in local recipient table`));
    if (to.startsWith('tempfail')) return callback(smtpError(451, `4.3.0 <${address.address}>: Temporary lookup failure`));
    callback();
  },
  onData(stream, session: SMTPServerSession, callback) {
    readAll(stream).then(
      (raw) => {
        if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message too big'));
        const mail = parseMail(raw.toString('utf8'));
        emit({
          type: 'mail',
          mail: {
            ...mail,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : null,
          },
        });
        callback(null, `2.0.0 Ok: queued as ${session.id}`);
      },
      (error: unknown) => callback(smtpError(451, `4.3.0 could not read the message: ${String(error)}`)),
    );
  },
});

server.on('error', (error) => {
  process.stderr.write(`smtp sink error: ${String(error)}\n`);
});

function shutdown(): void {
  // Close open sessions quickly; the parent waits for the exit.
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('smtp sink: no TCP address');
  emit({ type: 'listening', port: address.port });
});
