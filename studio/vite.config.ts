import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const engine = process.env.ENGINE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  // The build runs on every `npm start`; keep its output to what matters.
  logLevel: 'warn',
  build: { rolldownOptions: { checks: { pluginTimings: false } } },
  // `npm run dev --workspace studio` next to a running `npm start`.
  server: { proxy: { '/trpc': engine, '/api': engine, '/health': engine } },
});
