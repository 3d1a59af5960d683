import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// Size of the studio's JavaScript as a browser receives it (gzip), from the production build.
const root = fileURLToPath(new URL('..', import.meta.url));
const build = path.join(root, 'studio/build');
if (!fs.existsSync(path.join(build, 'index.html'))) execFileSync('npm', ['run', 'build', '--workspace', 'studio'], { cwd: root, stdio: 'ignore' });

const gz = (file: string) => gzipSync(fs.readFileSync(file)).length / 1024;
const all = (fs.readdirSync(path.join(build, '_app/immutable'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.js'))
  .map((f) => path.join(build, '_app/immutable', f));

// The first screen loads the entry chunks, the root layout (node 0) and the programs page (node 2),
// and everything they import statically; lazily imported screens are not counted.
const index = fs.readFileSync(path.join(build, 'index.html'), 'utf8');
const starts = [
  ...[...index.matchAll(/\/_app\/immutable\/[^"']+\.js/g)].map((m) => path.join(build, m[0])),
  ...all.filter((f) => /nodes\/[02]\.[^/]+\.js$/.test(f)),
];
const firstScreen = new Set<string>();
const visit = (file: string) => {
  if (firstScreen.has(file) || !fs.existsSync(file)) return;
  firstScreen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|export)[^"'()]*?from\s*["'](\.{1,2}\/[^"']+\.js)["']|import\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    visit(path.resolve(path.dirname(file), (m[1] ?? m[2])!));
  }
};
starts.forEach(visit);
const firstScreenKb = [...firstScreen].reduce((sum, f) => sum + gz(f), 0);

console.log(JSON.stringify({ name: 'studio.first_screen_js_gzip_kb', value: Math.round(firstScreenKb * 10) / 10, unit: 'KB' }));
console.log(JSON.stringify({ name: 'studio.all_js_gzip_kb', value: Math.round(all.reduce((s, f) => s + gz(f), 0) * 10) / 10, unit: 'KB' }));
