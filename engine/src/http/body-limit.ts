import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses request bodies over `maxSize` bytes. A declared Content-Length is checked from the
 * header alone, so the body stays unread until the route reads it (the node adapter then reads it
 * straight from the socket instead of building a web stream); bodies without a length are counted
 * as they stream in.
 * @example app.use('*', limitBody(256 * 1024, () => tooLarge(256 * 1024)))
 */
export function limitBody(maxSize: number, onError: Parameters<typeof bodyLimit>[0]['onError']): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(length)) {
      return Number(length) > maxSize ? onError!(c) : next();
    }
    return streaming(c, next);
  };
}
