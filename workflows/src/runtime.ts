import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '@loyalty/engine/log';

/** Routes the Temporal SDK's own logs into pino. Call once per process, before any worker exists. */
export function installRuntime(log: Logger): void {
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
      const pinoLevel = ({ TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const)[level as LogLevel];
      log[pinoLevel]({ ...meta }, message);
    }),
  });
}
