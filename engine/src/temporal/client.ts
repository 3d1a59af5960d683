import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config';
import { temporalConnectionOptions } from './connection-options';

export type TemporalHandle = { client: Client; connection: Connection; close: () => Promise<void> };

/**
 * Connects to the configured Temporal frontend, retrying until `timeoutMs`
 * because the dev server may still be starting.
 * @example const { client } = await connectTemporal(config, { timeoutMs: 30_000 });
 */
export async function connectTemporal(
  config: Config,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<TemporalHandle> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ ...temporalConnectionOptions(config), connectTimeout: 2_000 });
      await connection.workflowService.getSystemInfo({});
      const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      return { client, connection, close: () => connection.close() };
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Temporal at ${config.temporalAddress} is not reachable: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
