// Independent checker for corpus fixtures: is a file a valid, self-contained OpenAPI document?
//
// It does not use the generator (whose stages are under construction); it is the reference the
// fixture tests hold the edge/ and bad/ folders to:
//   1. parse   — YAML or JSON (a leading UTF-8 BOM is allowed), must be an object;
//   2. refs    — every `$ref` resolves: internal pointers exist, external refs are relative file
//                paths that stay inside `root` (no http(s)/file: URLs, no absolute paths, no `..`
//                escape) and point at an existing file and pointer;
//   3. schema  — the document, bundled (external refs inlined by json-schema-ref-parser, with the
//                same confinement), validates against the official schema of its OpenAPI version
//                (@seriousme/openapi-schema-validator).
//
// checkSpecFile(file, { root }) → { ok, stage, version, message }
//   stage: 'parse' | 'refs' | 'schema' | 'ok'
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Parses YAML or JSON text (BOM stripped). Throws on syntax errors. */
export function parseText(text, file = '') {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (file.endsWith('.json')) return JSON.parse(body);
  const doc = YAML.parseDocument(body, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
  return doc.toJS({ maxAliasCount: 1000 });
}

/** True when the file is a root document (has a top-level `openapi` or `swagger` key). */
export function isRootDocument(file) {
  try {
    const value = parseText(fs.readFileSync(file, 'utf8'), file);
    return isObject(value) && ('openapi' in value || 'swagger' in value);
  } catch {
    return false;
  }
}

/** True when the file says it is a fragment of another document (first comment line). */
export function isFragment(file) {
  const head = fs.readFileSync(file, 'utf8').slice(0, 200);
  return /^\uFEFF?#\s*Fragment\b/.test(head);
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function unescapePointer(token) {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolvePointer(doc, pointer) {
  if (pointer === '' || pointer === '/') return { found: true, value: doc };
  if (!pointer.startsWith('/')) return { found: false };
  let cur = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = unescapePointer(raw);
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) {
      return { found: false };
    }
    cur = cur[key];
  }
  return { found: true, value: cur };
}

function isInside(root, file) {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Walks every `$ref` reachable from `file`; returns a list of problems (strings). */
export function checkRefs(file, rootDoc, root) {
  const problems = [];
  const docs = new Map([[file, rootDoc]]);
  const queue = [file];
  const seen = new Set();
  const load = (target) => {
    if (docs.has(target)) return docs.get(target);
    const parsed = parseText(fs.readFileSync(target, 'utf8'), target);
    docs.set(target, parsed);
    queue.push(target);
    return parsed;
  };
  while (queue.length > 0) {
    const current = queue.shift();
    if (seen.has(current)) continue;
    seen.add(current);
    const doc = docs.get(current);
    const visit = (node, where) => {
      if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${where}/${i}`));
      if (!isObject(node)) return;
      if (typeof node.$ref === 'string') {
        const problem = checkOneRef(node.$ref, current, doc, root, load);
        if (problem) problems.push(`${path.relative(root, current) || path.basename(current)}${where}: ${problem}`);
      }
      for (const [k, v] of Object.entries(node)) if (k !== '$ref' || typeof v !== 'string') visit(v, `${where}/${k}`);
    };
    visit(doc, '#');
  }
  return problems;
}

function checkOneRef(ref, current, doc, root, load) {
  const hash = ref.indexOf('#');
  const target = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  if (target === '') {
    return resolvePointer(doc, pointer).found ? undefined : `unresolvable internal $ref ${ref}`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `remote or URL $ref refused: ${ref}`;
  if (path.isAbsolute(target)) return `absolute-path $ref refused: ${ref}`;
  const abs = path.resolve(path.dirname(current), decodeURIComponent(target));
  if (!isInside(root, abs)) return `$ref escapes ${root}: ${ref}`;
  if (!fs.existsSync(abs)) return `$ref to a missing file: ${ref}`;
  let parsed;
  try {
    parsed = load(abs);
  } catch (e) {
    return `$ref to an unparseable file ${ref}: ${e.message}`;
  }
  return resolvePointer(parsed, pointer).found ? undefined : `unresolvable pointer in $ref ${ref}`;
}

let validatorModule;
let refParserModule;

/** Bundles external refs (confined to root, no network) so the whole document can be validated. */
async function bundle(file, doc, root) {
  refParserModule ??= await import('@apidevtools/json-schema-ref-parser');
  const $RefParser = refParserModule.$RefParser ?? refParserModule.default;
  const fileResolver = {
    order: 1,
    canRead: (f) => f.url.startsWith('file:') || path.isAbsolute(f.url),
    async read(f) {
      const p = f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url;
      if (!isInside(root, p)) throw new Error(`$ref escapes ${root}: ${p}`);
      return fs.promises.readFile(p);
    },
  };
  const parser = new $RefParser();
  const bundled = await parser.bundle(file, structuredClone(doc), {
    resolve: { file: fileResolver, http: false, external: true },
  });
  // json-schema-ref-parser writes pointers such as `#/paths/~1pets~1{petId}/...` verbatim; `{` and
  // `}` are not allowed in a URI reference, so the 3.0 schema would reject them. Percent-encode.
  const fix = (node) => {
    if (Array.isArray(node)) return node.forEach(fix);
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') node.$ref = node.$ref.replace(/[{}]/g, (c) => encodeURIComponent(c));
    Object.values(node).forEach(fix);
  };
  fix(bundled);
  return bundled;
}

/**
 * Checks one file. `root` is the folder `$ref`s may not leave (defaults to the file's folder).
 * `versions`: OpenAPI major.minor versions accepted as valid (default: 2.0, 3.0, 3.1).
 */
export async function checkSpecFile(file, { root = path.dirname(file), versions = ['2.0', '3.0', '3.1'] } = {}) {
  const abs = path.resolve(file);
  let doc;
  try {
    doc = parseText(fs.readFileSync(abs, 'utf8'), abs);
  } catch (e) {
    return { ok: false, stage: 'parse', message: `not parseable: ${e.message.split('\n')[0]}` };
  }
  if (!isObject(doc)) return { ok: false, stage: 'parse', message: 'not a YAML/JSON object' };
  if (!('openapi' in doc) && !('swagger' in doc)) {
    return { ok: false, stage: 'schema', message: 'no `openapi` or `swagger` key' };
  }
  const refProblems = checkRefs(abs, doc, path.resolve(root));
  if (refProblems.length > 0) return { ok: false, stage: 'refs', message: refProblems.join('; ') };
  let bundled;
  try {
    bundled = await bundle(abs, doc, path.resolve(root));
  } catch (e) {
    return { ok: false, stage: 'refs', message: `bundling failed: ${e.message.split('\n')[0]}` };
  }
  validatorModule ??= await import('@seriousme/openapi-schema-validator');
  const validator = new validatorModule.Validator();
  const res = await validator.validate(bundled);
  if (!res.valid) {
    const errors = Array.isArray(res.errors) ? res.errors : [res.errors];
    const first = errors[0] ?? {};
    const msg = typeof first === 'string' ? first : `${first.instancePath ?? ''} ${first.message ?? JSON.stringify(first)}`;
    return { ok: false, stage: 'schema', message: `invalid (${errors.length} error(s)): ${msg.trim()}` };
  }
  if (!versions.includes(validator.version)) {
    return { ok: false, stage: 'schema', version: validator.version, message: `version ${validator.version} not accepted` };
  }
  return { ok: true, stage: 'ok', version: validator.version, message: '' };
}

/** Lists files (yaml/yml/json) under a folder, sorted, relative paths with forward slashes. */
export function listSpecFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export { repoRoot, pathToFileURL, require };
