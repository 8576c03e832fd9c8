// The repository's root folder, found from this file's location, so helpers work both in vitest and in
// benchmarks bundled into node_modules/.cache.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sroi-studio'
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`not inside the sroi-studio repository: ${start}`);
    dir = parent;
  }
}
