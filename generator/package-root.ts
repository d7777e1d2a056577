/** Finds the installed sdkgen package (for the embedded default spec, templates and `--version`). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: { root: string; version: string } | undefined;

/**
 * The folder holding sdkgen's own package.json. Walks up from this file so it works from the
 * TypeScript sources (tests) and from the compiled `dist/` alike.
 */
export function sdkgenPackage(): { root: string; version: string } {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
      if (parsed.name === 'sdkgen') {
        cached = { root: dir, version: typeof parsed.version === 'string' ? parsed.version : '0.0.0' };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find sdkgen's package.json above ${__dirname}`);
    dir = parent;
  }
}
