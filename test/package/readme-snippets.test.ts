/**
 * Every TypeScript snippet of the committed Shell EV SDK's README and docs pages compiles in a
 * strict consumer project (`strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`)
 * against the SDK's sources. Each snippet is its own module; what a snippet uses without defining
 * (an existing `client`, the application's own `saveTokenToDatabase`, …) is declared once in a
 * globals file, which a snippet's own declarations shadow. Method signatures (```ts signature)
 * are checked too: as members of a declared interface, with every type the package exports.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SDK = path.join(ROOT, 'generated', 'typescript');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Snippet {
  readonly file: string;
  readonly line: number;
  readonly info: string;
  readonly code: string;
}

function snippets(): Snippet[] {
  const pages = ['README.md', ...fs.readdirSync(path.join(SDK, 'docs')).map((f) => `docs/${f}`)];
  const out: Snippet[] = [];
  for (const page of pages) {
    const lines = fs.readFileSync(path.join(SDK, page), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(ts|typescript)( .*)?$/.exec(lines[i] as string);
      if (!open) continue;
      const start = i + 1;
      while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
      out.push({ file: page, line: start, info: (open[2] ?? '').trim(), code: lines.slice(start, i + 1).join('\n') });
      i++;
    }
  }
  return out;
}

/** Names exported by the package's entry points (for signature blocks, which import nothing). */
function exportedTypes(): string[] {
  const index = fs.readFileSync(path.join(SDK, 'src', 'index.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of index.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const n of (m[1] as string).split(',')) if (n.trim() !== '') names.add(n.trim().replace(/^type /, ''));
  }
  return [...names];
}

const GLOBALS = `
declare const client: import('shellev').ShellevClient;
declare const storedToken: import('shellev').OAuthToken;
declare const oAuthClientId: string;
declare const oAuthClientSecret: string;
declare function saveTokenToDatabase(json: string): Promise<void>;
declare function loadTokenFromDatabase(): Promise<string>;
declare const credentials: import('shellev').ClientCredentialsAuthCredentials;
declare const mySecretsService: { getAccessToken(): Promise<{ token: string; expiresIn: number }> };
declare const redis: { get(key: string): Promise<string | null>; set(key: string, value: string): Promise<unknown>; del(key: string): Promise<unknown> };
`;

test('every TypeScript snippet of the README and docs compiles under strict, exactOptionalPropertyTypes', () => {
  const all = snippets();
  expect(all.length).toBeGreaterThan(20);
  const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'snippets-'));
  try {
    const names: string[] = [];
    all.forEach((s, n) => {
      const name = `${s.file.replace(/[/.]/g, '_')}_${s.line}_${n}.ts`;
      const body =
        s.info === 'signature'
          ? `import type { ${exportedTypes().join(', ')} } from 'shellev';\nexport interface Signature {\n  ${s.code};\n}\n`
          : `${s.code}\nexport {};\n`;
      fs.writeFileSync(path.join(dir, name), `// ${s.file}:${s.line}\n${body}`);
      names.push(name);
    });
    fs.writeFileSync(path.join(dir, 'globals.d.ts'), GLOBALS);
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: false,
          paths: { shellev: [path.join(SDK, 'src', 'index.ts')], 'shellev/node': [path.join(SDK, 'src', 'node.ts')], 'shellev/redis': [path.join(SDK, 'src', 'redis.ts')] },
        },
        files: ['globals.d.ts', ...names],
      }),
    );
    try {
      execFileSync(process.execPath, [TSC, '-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`snippets failed to compile:\n${String((error as { stdout?: string }).stdout ?? error).slice(0, 8000)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
