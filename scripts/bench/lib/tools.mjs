/**
 * The generators under test: sdkgen and its peers. Each entry knows how to check that it can run
 * (with the reason when it cannot) and how to build its command line for (spec, outDir).
 *
 * Peers live in scripts/bench/peers (own package.json + package-lock.json). Node-based peers are
 * started as `node <their bin script>` (not through npx) so no launcher overhead is measured.
 * OpenAPI Generator runs as `java -jar` on the JAR that `mvn dependency:copy` put in peers/jars
 * (its npm wrapper, @openapitools/openapi-generator-cli, downloads JARs from a host this
 * environment cannot reach; running the JAR directly also keeps the wrapper's Node start-up out
 * of the measurement).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const OPENAPI_GENERATOR_VERSION = '7.25.0';

/** `-v` prints `timing: <stage> <ms> ms` per pipeline stage (`render python`, `write typescript`, …). */
function sdkgenStages(output) {
  const stages = {};
  for (const m of output.matchAll(/^timing:\s+(\w+(?: \w+)?)\s+([\d.]+)\s*ms/gm)) stages[m[1]] = Number(m[2]);
  return Object.keys(stages).length ? stages : undefined;
}

/** sdkgen's own rows other than the TypeScript one: compared with it, not with the peers. */
export const SDKGEN_VARIANTS = ['sdkgen-python', 'sdkgen-both'];

function pkgVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * @param {{root: string, peersDir: string}} ctx
 * @returns {Array<{name: string, label: string, kind: string, version: () => string|null,
 *   check: () => string|null, command: (spec: {path: string, clientName: string}, out: string) => {cmd: string, args: string[]}}>}
 */
export function defineTools({ root, peersDir }) {
  const nm = join(peersDir, 'node_modules');
  const jarPath = join(peersDir, 'jars', `openapi-generator-cli-${OPENAPI_GENERATOR_VERSION}.jar`);
  const sdkgenCli = join(root, 'dist', 'generator', 'cli', 'main.js');
  const needPeer = (pkg, bin) => () => {
    if (!existsSync(join(nm, pkg, 'package.json'))) return `peer package ${pkg} is not installed (npm ci in scripts/bench/peers failed or was skipped)`;
    if (!existsSync(join(nm, pkg, bin))) return `${pkg}: bin ${bin} not found`;
    return null;
  };
  return [
    {
      name: 'sdkgen',
      label: 'sdkgen',
      kind: 'SDK (types + client + OAuth runtime)',
      version: () => pkgVersion(root),
      check: () => (existsSync(sdkgenCli) ? null : `${sdkgenCli} missing (build failed?)`),
      command: (spec, out) => ({
        cmd: process.execPath,
        args: [sdkgenCli, 'generate', '-i', spec.path, '-o', out, '--package-name', spec.packageName, '--client-name', spec.clientName, '-v'],
      }),
      stages: sdkgenStages,
    },
    {
      name: 'sdkgen-python',
      label: 'sdkgen --target python',
      kind: 'SDK (Python: models, blocking + asyncio clients, OAuth runtime)',
      version: () => pkgVersion(root),
      check: () => (existsSync(sdkgenCli) ? null : `${sdkgenCli} missing (build failed?)`),
      command: (spec, out) => ({
        cmd: process.execPath,
        args: [sdkgenCli, 'generate', '--target', 'python', '-i', spec.path, '-o', out, '--package-name', spec.packageName, '--client-name', spec.clientName, '-v'],
      }),
      stages: sdkgenStages,
    },
    {
      name: 'sdkgen-both',
      label: 'sdkgen, both targets in one run',
      kind: 'TypeScript + Python SDKs (load → IR shared)',
      version: () => pkgVersion(root),
      check: () => (existsSync(sdkgenCli) ? null : `${sdkgenCli} missing (build failed?)`),
      // Two targets need a config file (`-o` names one folder); written next to the output folder.
      command: (spec, out) => {
        const config = `${out}.sdkgen.json`;
        writeFileSync(
          config,
          JSON.stringify({
            input: spec.path,
            targets: { typescript: { output: join(out, 'typescript') }, python: { output: join(out, 'python') } },
            package: { name: spec.packageName },
            client: { className: spec.clientName },
          }),
        );
        return { cmd: process.execPath, args: [sdkgenCli, 'generate', '--config', config, '-v'] };
      },
      stages: sdkgenStages,
    },
    {
      name: 'hey-api',
      label: '@hey-api/openapi-ts',
      kind: 'SDK (types + fetch client)',
      version: () => pkgVersion(join(nm, '@hey-api/openapi-ts')),
      check: needPeer('@hey-api/openapi-ts', 'bin/run.js'),
      // 0.95 bundles its clients; `-c @hey-api/client-fetch` selects the fetch client plugin.
      command: (spec, out) => ({
        cmd: process.execPath,
        args: [join(nm, '@hey-api/openapi-ts/bin/run.js'), '-i', spec.path, '-o', out, '-c', '@hey-api/client-fetch', '-s', '--no-log-file'],
      }),
    },
    {
      name: 'openapi-typescript',
      label: 'openapi-typescript',
      kind: 'types only',
      version: () => pkgVersion(join(nm, 'openapi-typescript')),
      check: needPeer('openapi-typescript', 'bin/cli.js'),
      command: (spec, out) => ({
        cmd: process.execPath,
        args: [join(nm, 'openapi-typescript/bin/cli.js'), spec.path, '-o', join(out, 'schema.ts')],
      }),
    },
    {
      name: 'orval',
      label: 'orval',
      kind: 'SDK (fetch client, single file)',
      version: () => pkgVersion(join(nm, 'orval')),
      check: needPeer('orval', 'dist/bin/orval.js'),
      command: (spec, out) => ({
        cmd: process.execPath,
        args: [join(nm, 'orval/dist/bin/orval.js'), '-i', spec.path, '-o', join(out, 'api.ts'), '--client', 'fetch'],
      }),
    },
    {
      name: 'openapi-generator',
      label: 'openapi-generator typescript-fetch',
      kind: 'SDK (JVM, typescript-fetch)',
      version: () => (existsSync(jarPath) ? OPENAPI_GENERATOR_VERSION : null),
      check: () => {
        if (!existsSync(jarPath)) return `JAR ${jarPath} missing (mvn dependency:copy failed or Maven is unavailable)`;
        return null;
      },
      // Default settings, spec validation included (the GitHub description passes it, with 344
      // recommendations); sdkgen validates too.
      command: (spec, out) => ({
        cmd: 'java',
        args: ['-jar', jarPath, 'generate', '-g', 'typescript-fetch', '-i', spec.path, '-o', out],
      }),
    },
  ];
}

export function jarInfo(peersDir) {
  const dir = join(peersDir, 'jars');
  return {
    dir,
    path: join(dir, `openapi-generator-cli-${OPENAPI_GENERATOR_VERSION}.jar`),
    present: existsSync(dir) ? readdirSync(dir) : [],
  };
}
