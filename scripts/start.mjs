// `npm start`: builds the web app once if it is missing, then runs the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webIndex = path.join(process.env.OSELIA_WEB_DIST ?? path.join(root, 'web/dist'), 'index.html');

if (!fs.existsSync(webIndex)) {
  process.stderr.write('oselia: building the web app (first start only)…\n');
  const build = spawnSync('npm', ['run', 'build', '-w', 'web', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('oselia: the web build failed; see above\n');
    process.exit(build.status ?? 1);
  }
}

// Run the server in this process (one Node start-up, not two): tsx compiles TypeScript on the fly.
const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'server/src/main.ts'));
