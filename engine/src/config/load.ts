import path from 'node:path';
import { EnvConfig } from './schema';

/** Thrown when the environment does not describe a startable product. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Config = EnvConfig & {
  /** Absolute data directory; relative DATA_DIR is taken from the working directory. */
  dataDir: string;
  /** SQLite file of the engine. */
  dbFile: string;
  /** Whether the product starts its own Temporal dev server. */
  embeddedTemporal: boolean;
  /** The Temporal frontend the product connects to. */
  temporalAddress: string;
};

/**
 * Validates the environment once.
 * @example
 *   const config = loadConfig({ PORT: '8080' }); // config.port === 8080
 *   loadConfig({ PORT: 'abc' }); // throws ConfigError: "PORT: expected a whole number ..."
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const known = Object.fromEntries(
    Object.keys(EnvConfig.shape).flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]]])),
  );
  const parsed = EnvConfig.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const got = env[name] === undefined ? '' : `, got '${env[name]}'`;
        return `${name}: ${issue.message}${got}`;
      }),
    );
  }
  const c = parsed.data;
  const problems: string[] = [];
  if ((c.TEMPORAL_TLS_CERT_PATH === undefined) !== (c.TEMPORAL_TLS_KEY_PATH === undefined)) {
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both for mutual TLS, or neither');
  }
  if (!c.TEMPORAL_ADDRESS && (c.TEMPORAL_TLS || c.TEMPORAL_API_KEY)) {
    problems.push('TEMPORAL_ADDRESS: required when TEMPORAL_TLS or TEMPORAL_API_KEY is set');
  }
  if (!c.TEMPORAL_ADDRESS && c.TEMPORAL_DEV_PORT === c.TEMPORAL_UI_PORT) {
    problems.push('TEMPORAL_UI_PORT: must differ from TEMPORAL_DEV_PORT');
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(cwd, c.DATA_DIR);
  return {
    ...c,
    dataDir,
    dbFile: path.join(dataDir, 'loyalty.db'),
    embeddedTemporal: !c.TEMPORAL_ADDRESS,
    temporalAddress: c.TEMPORAL_ADDRESS ?? `127.0.0.1:${c.TEMPORAL_DEV_PORT}`,
  };
}
