/**
 * Writes the site's service worker (app/offline/serviceWorker.template.js)
 * as `sw.js` at the top of the build, once every other file is written:
 * with the list of all of them, and a version made from their contents, so
 * that any change to any file is a new worker and a new cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

export const SERVICE_WORKER_FILE = 'sw.js';

const TEMPLATE = new URL('../../app/offline/serviceWorker.template.js', import.meta.url);

/** Every file under `dir`, as paths relative to it with `/`. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The worker's source for the build in `outDir`. */
export function serviceWorkerSource(outDir: string): string {
  const files = filesUnder(outDir).filter((file) => file !== SERVICE_WORKER_FILE);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(readFileSync(join(outDir, file)));
  }
  const version = hash.digest('hex').slice(0, 16);
  return readFileSync(TEMPLATE, 'utf8')
    .replace('__LOOPSCOPE_VERSION__', version)
    .replace('__LOOPSCOPE_FILES__', JSON.stringify(files));
}

export function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'loopscope:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      writeFileSync(join(outDir, SERVICE_WORKER_FILE), serviceWorkerSource(outDir));
    },
  };
}
