import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

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
  app.use('*', serveStatic({ root: path.relative(process.cwd(), studioDir) || '.' }));
  app.get('*', (c) => c.html(index));
  return app;
}
