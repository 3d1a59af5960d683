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
