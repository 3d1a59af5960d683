import fs from 'node:fs';
import path from 'node:path';
import { bootstrapAdmin } from '@loyalty/engine/auth';
import { ConfigError, loadConfig, type Config } from '@loyalty/engine/config';
import { migrateDatabase, openDatabase } from '@loyalty/engine/db';
import { createLogger } from '@loyalty/engine/log';
import { createTemplateCatalog, DEMO_TEMPLATE_ID, seedDemoProgram } from '@loyalty/engine/programs';
import { connectTemporal } from '@loyalty/engine/temporal';
import { startChild, stopChild, type Child } from './lib/children';
import { InstanceLock, isAlive } from './lib/instance-lock';
import { ensureTemporalTool, PROJECT_ROOT } from './lib/temporal-cli';
import { portIsFree, waitFor } from './lib/wait';

// `npm start`: one supervisor for the whole product. See README "What npm start does".

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`${error.message}\nSee .env.example for every variable and its expected form.`);
    process.exit(2);
  }
  throw error;
}
const log = createLogger({ name: 'supervisor', level: config.LOG_LEVEL });
const say = (line: string) => process.stdout.write(`${line}\n`);
const children: Child[] = [];
let lock: InstanceLock | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('Stopping…');
    // Reverse start order: server, worker, then Temporal.
    for (const child of [...children].reverse()) await stopChild(child);
    lock?.release();
    say('Stopped.');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function fail(message: string): Promise<never> {
  console.error(`\n${message}\n`);
  return shutdown(1);
}

function stopLeftovers(pids: number[]): void {
  for (const pid of pids) {
    const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    // Only what we would have started ourselves; a recycled pid belongs to someone else.
    if (/temporal|tsx|node/.test(cmdline) && isAlive(pid)) {
      log.warn({ pid }, 'stopping a process left behind by an earlier run');
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        process.kill(pid, 'SIGKILL');
      }
    }
  }
}

function watch(child: Child): Child {
  children.push(child);
  if (child.process.pid) lock?.recordChild(child.process.pid);
  void child.exited.then((code) => {
    if (!stopping) void fail(`${child.name} stopped unexpectedly (exit code ${code}). See the log lines above.`);
  });
  return child;
}

try {
  lock = InstanceLock.acquire(config.dataDir, stopLeftovers);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const ports: [number, string][] = [[config.PORT, 'PORT']];
if (config.embeddedTemporal) ports.push([config.TEMPORAL_DEV_PORT, 'TEMPORAL_DEV_PORT'], [config.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT']);
for (const [port, name] of ports) {
  if (!(await portIsFree(port, name === 'PORT' ? config.HOST : '127.0.0.1'))) {
    await fail(`Port ${port} (${name}) is already in use by another program. Stop it or set ${name} to a free port.`);
  }
}

// 1. Database: migrations, the first admin and the demo program on first run.
const db = openDatabase(config.dbFile);
migrateDatabase(db);
const admin = await bootstrapAdmin(db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
if (admin) {
  say('First start: created the administrator account.');
  say(`  Email     ${admin.email}`);
  say(admin.password ? `  Password  ${admin.password}   (shown once: note it now and change it after signing in)` : '  Password  the one in ADMIN_PASSWORD');
}
if (config.SEED_DEMO) {
  const template = createTemplateCatalog().load(DEMO_TEMPLATE_ID);
  const programId = seedDemoProgram({ ctx: { db }, input: { templateId: template.id, spec: template.spec } });
  if (programId) say(`Created the demo program "${template.title}" from templates/programs/${template.id}.json`);
}
db.$client.close();

// 2. Temporal: the embedded dev server unless a cluster is configured.
const childEnv = { ...process.env, DATA_DIR: config.dataDir };
if (config.embeddedTemporal) {
  let temporalBin: string;
  try {
    temporalBin = ensureTemporalTool('temporal', say);
  } catch (error) {
    await fail((error as Error).message);
  }
  const temporalLog = fs.openSync(path.join(config.dataDir, 'temporal.log'), 'a');
  watch(
    startChild(
      'Temporal dev server',
      temporalBin!,
      [
        'server', 'start-dev',
        '--db-filename', path.join(config.dataDir, 'temporal.db'),
        '--ip', '127.0.0.1',
        '--port', String(config.TEMPORAL_DEV_PORT),
        '--ui-port', String(config.TEMPORAL_UI_PORT),
        '--namespace', config.TEMPORAL_NAMESPACE,
        '--log-level', 'warn',
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', temporalLog, temporalLog] },
    ),
  );
}
try {
  const probe = await connectTemporal(config, { timeoutMs: 90_000 });
  await probe.close();
} catch (error) {
  await fail(`${(error as Error).message}${config.embeddedTemporal ? `\nThe Temporal server log is ${path.join(config.dataDir, 'temporal.log')}.` : ''}`);
}

// 3. Worker and server.
const node = (entry: string) => [process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, entry)]] as const;
watch(startChild('Worker', ...node('workflows/src/main.ts'), { cwd: PROJECT_ROOT, env: childEnv }));
watch(startChild('Server', ...node('engine/src/server.ts'), { cwd: PROJECT_ROOT, env: childEnv }));

const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
try {
  await waitFor('the server to report healthy (database, Temporal and worker up)', async () => (await fetch(`${base}/health`)).ok, 180_000, 500);
} catch (error) {
  await fail((error as Error).message);
}

const temporalUi = config.embeddedTemporal ? `http://127.0.0.1:${config.TEMPORAL_UI_PORT}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows` : config.TEMPORAL_UI_URL ?? `(cluster at ${config.temporalAddress}, namespace ${config.TEMPORAL_NAMESPACE})`;
say(
  [
    '',
    'Loyalty Studio is running.',
    `  Studio       ${base}/`,
    `  API docs     ${base}/api/docs`,
    `  Health       ${base}/health`,
    `  Temporal UI  ${temporalUi}`,
    `  Data         ${config.dataDir}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
