import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ReceivedMail } from './smtp-sink-parse';

export type { ReceivedMail } from './smtp-sink-parse';

/** A running SMTP sink; see `startSmtpSink`. */
export type SmtpSink = {
  port: number;
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string;
  /** Every mail received so far, oldest first (a copy). */
  received(): ReceivedMail[];
  /** The first mail, received already or later, that `predicate` accepts; rejects after `timeoutMs`. */
  waitForMail(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Stops the server process (SIGTERM, then SIGKILL); safe to call twice. */
  stop(): Promise<void>;
};

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(HERE, '../../..');
const SCRIPT = path.join(HERE, 'smtp-sink-process.ts');
const START_TIMEOUT_MS = 20_000;

type Waiter = { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * Starts a real SMTP server in a child process on a free port of 127.0.0.1. It accepts any login (or
 * none), refuses recipients starting with `reject` (550 5.1.1) and defers those starting with
 * `tempfail` (451 4.3.0), and records everything else it receives. A separate process, so the code
 * under test talks to it over a real socket exactly as to a mail server, with no shared event loop.
 * @example
 *   const smtp = await startSmtpSink();
 *   const channels = createChannels(loadChannelConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'club@example.com' }));
 *   ...
 *   const mail = await smtp.waitForMail((m) => m.subject === 'Welcome');
 *   await smtp.stop();
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  // Own process group (detached) so stop() also takes down anything tsx started; stdin stays a pipe
  // so the sink exits on its own when this process dies without calling stop().
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const mails: ReceivedMail[] = [];
  let waiters: Waiter[] = [];
  let stderr = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      const error = new Error(`the SMTP sink stopped before the mail arrived${stderr ? `: ${stderr.trim().slice(-500)}` : ''}`);
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(error);
      }
      waiters = [];
      resolve();
    });
  });
  // Killed with the test process too, if that ends without calling stop().
  const killOnExit = () => kill('SIGKILL');
  process.once('exit', killOnExit);

  function kill(signal: NodeJS.Signals): void {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }

  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the SMTP sink did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    function fail(error: Error) {
      clearTimeout(timer);
      kill('SIGKILL');
      reject(error);
    }
    child.once('error', (error) => fail(new Error(`could not start the SMTP sink: ${error.message}`)));
    child.once('exit', (code) => fail(new Error(`the SMTP sink exited (${code}) before listening: ${stderr.trim().slice(-1_000)}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: { type?: unknown; port?: unknown; mail?: unknown };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        return; // not ours: stray output of a dependency
      }
      if (event.type === 'listening' && typeof event.port === 'number') {
        clearTimeout(timer);
        resolve(event.port);
      } else if (event.type === 'mail' && typeof event.mail === 'object' && event.mail !== null) {
        const mail = event.mail as ReceivedMail;
        mails.push(mail);
        waiters = waiters.filter((w) => {
          if (!w.predicate(mail)) return true;
          clearTimeout(w.timer);
          w.resolve(mail);
          return false;
        });
      }
    });
  });

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received: () => [...mails],
    waitForMail(predicate, timeoutMs = 10_000) {
      const found = mails.find(predicate);
      if (found) return Promise.resolve(found);
      if (exited) return Promise.reject(new Error('the SMTP sink is stopped'));
      return new Promise<ReceivedMail>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.timer !== timer);
          const subjects = mails.map((m) => JSON.stringify(m.subject)).join(', ') || 'none';
          reject(new Error(`no matching mail within ${timeoutMs} ms; received ${mails.length} (subjects: ${subjects})`));
        }, timeoutMs);
        waiters.push({ predicate, resolve, reject, timer });
      });
    },
    async stop() {
      process.off('exit', killOnExit);
      if (exited) return;
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 3_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
