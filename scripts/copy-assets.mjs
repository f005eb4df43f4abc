// Copies browser assets from installed npm packages into static/ so that CAP never loads
// anything from a CDN. Runs after every `npm install` / `npm ci`.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function copy(pkgFile, dest) {
  let src;
  try {
    src = require.resolve(pkgFile);
  } catch {
    console.warn(`copy-assets: ${pkgFile} introuvable, ignoré`);
    return;
  }
  mkdirSync(dirname(join(root, dest)), { recursive: true });
  copyFileSync(src, join(root, dest));
}

copy('htmx.org/dist/htmx.min.js', 'static/vendor/htmx.min.js');
if (!existsSync(join(root, 'static/vendor/htmx.min.js'))) process.exitCode = 1;
