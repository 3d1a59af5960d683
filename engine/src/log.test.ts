import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: createLogger({ name: 'test', level: 'info' }, stream) };
}

describe('createLogger', () => {
  it('writes structured JSON lines with name, level and time', () => {
    const { lines, log } = capture();
    log.info({ port: 3000 }, 'listening');
    expect(lines[0]).toMatchObject({ name: 'test', level: 30, port: 3000, msg: 'listening' });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('never writes personal data, however deep it is logged', () => {
    const { lines, log } = capture();
    log.info({ member: { id: 'm-1', email: 'ana@example.com', phone: '+4915112345678', profile: { firstName: 'Ana' } } }, 'signed up');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/ana@example\.com|\+4915112345678|"Ana"/);
    expect(text).toContain('m-1');
  });
});
