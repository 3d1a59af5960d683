import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { securityHeaders } from './security';

export const DEFAULT_STUDIO_DIR = fileURLToPath(new URL('../../../studio/build', import.meta.url));

/**
 * Serves the built studio (a SvelteKit SPA): files as they are, and index.html for
 * any other path so that client-side routes survive a reload.
 */
export function studioRoutes(studioDir = DEFAULT_STUDIO_DIR) {
  const app = new Hono();
  const indexFile = path.join(studioDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.get('*', (c) =>
      c.text('The studio has not been built yet. Run `npm run build` (npm start does this for you).', 503),
    );
    return app;
  }
  const index = fs.readFileSync(indexFile, 'utf8');
  app.use('*', securityHeaders(inlineScriptHashes(index)));
  app.use('*', serveStatic({ root: path.relative(process.cwd(), studioDir) || '.' }));
  app.get('*', (c) => c.html(index));
  return app;
}

/** CSP hashes of the inline boot script SvelteKit writes into index.html. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `sha256-${createHash('sha256').update(m[1]!).digest('base64')}`,
  );
}
