import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Keys that may carry personal data. Whatever object is logged, values under these
 * keys are replaced, so a careless `log.info({ member })` cannot leak contacts.
 */
export const PERSONAL_DATA_KEYS = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'name',
  'fullName',
  'address',
  'birthday',
  'birthDate',
  'cardNumber',
  'password',
  'token',
  'apiKey',
  'authorization',
  'cookie',
] as const;

// A top-level `name` is the logger's own name; personal names sit inside objects.
const redactPaths = PERSONAL_DATA_KEYS.flatMap((k) => [...(k === 'name' ? [] : [k]), `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]);

export type { Logger };

/**
 * Structured JSON logger shared by every process of the product.
 * @example
 *   const log = createLogger({ name: 'server', level: 'info' });
 *   log.info({ port: 3000 }, 'listening');
 */
export function createLogger(
  options: { name: string; level?: LoggerOptions['level'] },
  destination?: pino.DestinationStream,
): Logger {
  const opts: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(opts, destination) : pino(opts);
}
