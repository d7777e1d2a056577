/**
 * Dangling `$ref`s (their target does not exist) through the bundling library: hidden while it
 * runs (it would fail on them), then put back as references that still resolve to nothing, so
 * the IR types them `unknown` (the crawler already warned, with the location).
 *
 * A dangling ref of another file is put back relative to the root document's folder: kept as
 * written (`#/components/schemas/Gone` of `common.yaml`), it would mean a schema of the root
 * document once inlined there, and might even resolve to one.
 */
import { dirname, relative, sep } from 'node:path';
import type { SourceDocument } from '../load';
import { getAtPointer } from '../load/json-pointer';
import type { RefSite } from './crawl';
import { encodeFragment } from './encode-refs';
import { HiddenRefs } from './hidden-refs';
import { isRemote, resolveRefTarget } from './ref-target';

/** Hides each dangling site's `$ref`; returns the function that puts them back (as above). */
export function hideDanglingRefs(sites: readonly RefSite[], root: SourceDocument): () => void {
  const hidden = new HiddenRefs();
  for (const site of sites) {
    const holder = getAtPointer(site.source.value, site.segments);
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) continue;
    hidden.hide(holder as Record<string, unknown>, site.source === root ? site.ref : fromRoot(site, root));
  }
  return () => hidden.restore();
}

/** `site.ref` as written from the root document's folder. */
function fromRoot(site: RefSite, root: SourceDocument): string {
  const target = resolveRefTarget(site.ref, site.source.file);
  const hash = site.ref.indexOf('#');
  const fragment = encodeFragment(hash >= 0 ? site.ref.slice(hash) : '#');
  const file = target.kind === 'file' ? target.path : target.kind === 'remote' ? target.url : site.source.file;
  if (isRemote(file)) return `${file.split('#')[0] as string}${fragment}`;
  const path = relative(dirname(root.file), file).split(sep).join('/');
  return `${encodeURI(path)}${fragment}`;
}
