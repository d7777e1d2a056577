/**
 * Bundles a multi-document spec into one document with `@apidevtools/json-schema-ref-parser`.
 *
 * Runs only after `crawlRefs` has loaded and vetted every document, so the resolver here just
 * serves those parsed documents: nothing is read twice, and nothing the policy refused can be
 * read (a cache miss is re-checked rather than trusted).
 */
import { fileURLToPath } from 'node:url';
import { SpecError } from '../errors';
import type { SourceDocument } from '../load';
import { parsePointer } from '../load/json-pointer';
import { isLiteralPath } from './literal-paths';
import { encodeInternalRefs } from './encode-refs';
import { hideLiteralRefs } from './literal-refs';
import { isRemote } from './ref-target';
import type { SourceSet } from './source-set';

/** The library's view of a file it asks us to read. */
interface LibraryFile {
  readonly url: string;
  readonly data?: unknown;
}

/** Bundles `root` (already crawled) and returns the single resulting document. */
export async function bundleWithLibrary(root: SourceDocument, sources: SourceSet): Promise<Record<string, unknown>> {
  // ESM-only package: a native dynamic import keeps this CommonJS build able to load it.
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const read = async (file: LibraryFile): Promise<unknown> => {
    const known = sources.peek(keyOf(file.url));
    if (known) return (await known).value;
    // The crawler vetted and loaded every document a real reference reaches, and literal `$ref`s
    // are hidden, so this is unreachable; never read an unvetted document, whatever happens.
    throw new SpecError(`internal: unvetted reference ${file.url}`);
  };

  const parser = new $RefParser();
  const restoreLiteralRefs = hideLiteralRefs(await sources.all());
  try {
    const bundled = await parser.bundle(root.file, {
      resolve: {
        external: true,
        file: false,
        http: false,
        sdkgen: { order: 1, canRead: true, read },
      },
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        sdkgen: { order: 1, canParse: true, allowEmpty: true, parse: (file: LibraryFile) => file.data },
      },
      bundle: { excludedPathMatcher: (path: string) => isLiteralPath(parsePointer(path)) },
    } as never);
    // Literal `$ref`s are still hidden here, so only real references are rewritten.
    encodeInternalRefs(bundled);
    return bundled as unknown as Record<string, unknown>;
  } catch (error) {
    throw new SpecError(`cannot bundle ${root.file}: ${(error as Error).message}`, [], { cause: error });
  } finally {
    restoreLiteralRefs();
  }
}

/** The library hands us absolute paths or URLs (maybe percent-encoded); map them to our cache keys. */
function keyOf(url: string): string {
  if (isRemote(url)) return url.split('#')[0] as string;
  const bare = url.split('#')[0] as string;
  if (bare.startsWith('file:')) return fileURLToPath(bare);
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}
