import { z } from 'zod';

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a whole number from 1 to 65535' })
    .int('expected a whole number from 1 to 65535')
    .min(1, 'expected a whole number from 1 to 65535')
    .max(65535, 'expected a whole number from 1 to 65535')
    .default(fallback);

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * Every environment variable the product reads, validated once at start.
 * `.env.example` documents each of them; `config.test.ts` keeps the two in step.
 */
export const EnvConfig = z.object({
  PORT: port(3000),
  HOST: z.string().trim().min(1, 'expected a host name or IP address').default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, 'expected a directory path').default('./data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SEED_DEMO: flag(true),
  ADMIN_EMAIL: optionalText.pipe(z.email({ error: 'expected an email address for the first admin account' }).optional()),
  ADMIN_PASSWORD: optionalText.pipe(
    z.string().min(12, 'expected at least 12 characters for the first admin password').max(200).optional(),
  ),
  ADJUSTMENT_APPROVAL_THRESHOLD: z.coerce
    .number({ error: 'expected a whole number of points' })
    .int('expected a whole number of points')
    .min(0, 'expected a whole number of points, 0 or more')
    .default(500),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'expected a token of at least 16 characters').optional()),
  TEMPORAL_ADDRESS: optionalText.pipe(
    z
      .string()
      .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, for example temporal.internal:7233')
      .optional(),
  ),
  TEMPORAL_NAMESPACE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a Temporal namespace name such as default')
    .default('default'),
  TEMPORAL_TASK_QUEUE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a task queue name such as loyalty')
    .default('loyalty'),
  TEMPORAL_TLS: flag(false),
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  TEMPORAL_TLS_CA_PATH: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_API_KEY: optionalText,
  TEMPORAL_UI_URL: optionalText.pipe(z.url({ error: 'expected a URL such as https://temporal.example.com' }).optional()),
  TEMPORAL_DEV_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
});
export type EnvConfig = z.infer<typeof EnvConfig>;
