import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Mutations from the studio must carry this header. Browsers only let pages of our own
 * origin set custom headers on requests to us (no CORS is allowed), so a forged
 * cross-site form or image cannot trigger one, even with the cookie attached.
 */
export const CSRF_HEADER = 'x-loyalty-csrf';

export const requireCsrfHeader: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header(CSRF_HEADER) !== '1') {
    return c.json(
      { error: { message: `Requests that change data must send the header '${CSRF_HEADER}: 1' (the studio does this).` } },
      403,
    );
  }
  await next();
};

/** Headers that keep the studio from being framed, sniffed or made to load foreign code. */
export function securityHeaders(scriptHashes: string[]): MiddlewareHandler {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    // Svelte Flow positions nodes with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob: data:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'local']);

/**
 * /metrics shows business volumes, so it is not public: with a token configured Prometheus must
 * present it; without one, only scrapes from this machine are answered.
 */
export function metricsAccess(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token) {
      const given = Buffer.from(c.req.header('authorization') ?? '');
      const wanted = Buffer.from(`Bearer ${token}`);
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        return c.text('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.', 401);
      }
    } else {
      const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
      if (!LOOPBACK.has(env?.incoming?.socket?.remoteAddress ?? 'local')) {
        return c.text('Metrics are served to this machine only; set METRICS_TOKEN to let Prometheus scrape from elsewhere.', 403);
      }
    }
    await next();
  };
}
