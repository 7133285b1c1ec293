#!/usr/bin/env node
// `pnpm start`: builds what is not built (or is older than its sources), then runs the server,
// which starts the embedded PostgreSQL unless DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Lantern needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

/** The newest modification time of the files under the given paths. */
function newest(...paths) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(path.join(p, name));
    } else latest = Math.max(latest, st.mtimeMs);
  };
  paths.forEach((p) => walk(path.join(root, p)));
  return latest;
}

function build(label, output, inputs, cwd, bin, args) {
  const out = path.join(root, output);
  if (existsSync(out) && statSync(out).mtimeMs >= newest(...inputs)) return;
  console.log(`Building ${label}...`);
  const require = createRequire(path.join(root, cwd, 'package.json'));
  // `vite/bin/vite.js` is not in vite's "exports": find the package, then the file inside it.
  const [pkg, ...file] = bin.split('/');
  const script = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...file);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: path.join(root, cwd), stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(root, 'node_modules'))) {
  console.error('Dependencies are not installed: run `npx -y pnpm@12.4.2 install` first.');
  process.exit(1);
}
build('the server', 'server/dist/main.js', ['server/src', 'server/tsconfig.json', 'server/tsconfig.build.json'], 'server', 'typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
build('the dashboard', 'dashboard/dist/index.html', ['dashboard/src', 'dashboard/index.html', 'dashboard/vite.config.ts', 'schema/schema.graphql'], 'dashboard', 'vite/bin/vite.js', ['build', '--logLevel', 'warn']);
build("the members' page", 'member/dist/index.html', ['member/src', 'member/index.html', 'member/vite.config.ts'], 'member', 'vite/bin/vite.js', ['build', '--logLevel', 'warn']);

await import(path.join(root, 'server/dist/main.js'));
