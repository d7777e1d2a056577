/** The config file's `targets` map and `--target`: which SDKs a run generates, and where. */
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../generator/config';
import { ConfigError, UsageError } from '../../generator/errors';

function project(config: string): string {
  const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-targets-')));
  writeFileSync(join(cwd, 'sdkgen.config.yaml'), config);
  writeFileSync(join(cwd, 'api.yaml'), 'openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths: {}\n');
  return cwd;
}

const TWO = `input: api.yaml
targets:
  typescript:
    output: sdks/ts
  python:
    output: sdks/py
    package:
      name: acme-sdk
package:
  name: acme
client:
  className: AcmeClient
`;

async function failure(flags: Parameters<typeof resolveConfig>[0], cwd: string): Promise<Error> {
  try {
    await resolveConfig(flags, cwd);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected resolveConfig to fail');
}

describe('config: targets', () => {
  it('resolves every target of the map in file order; per-target values override the shared ones', async () => {
    const cwd = project(TWO);
    const config = await resolveConfig({}, cwd);
    expect(config.targets.map((t) => [t.target, t.output, t.packageName, t.clientName])).toEqual([
      ['typescript', join(cwd, 'sdks/ts'), 'acme', 'AcmeClient'],
      ['python', join(cwd, 'sdks/py'), 'acme-sdk', 'AcmeClient'],
    ]);
    expect(config.targets[1]?.naming).toEqual({ apiClassSuffix: 'Controller', errorClassSuffix: 'Exception' });
  });

  it('--target picks one of them, and then -o applies to it', async () => {
    const cwd = project(TWO);
    const config = await resolveConfig({ target: 'python', output: 'elsewhere' }, cwd);
    expect(config.targets).toHaveLength(1);
    expect(config.targets[0]).toMatchObject({ target: 'python', output: join(cwd, 'elsewhere'), packageName: 'acme-sdk' });
  });

  it('refuses -o and --templates when the run has several targets', async () => {
    const cwd = project(TWO);
    const error = await failure({ output: 'out' }, cwd);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/configures typescript and python: add --target to choose one/);
  });

  it('refuses an unknown target, in the file and on the command line', async () => {
    const inFile = await failure({}, project('input: api.yaml\ntargets:\n  cobol:\n    output: x\n'));
    expect(inFile).toBeInstanceOf(ConfigError);
    expect(inFile.message).toMatch(/cobol/);
    const flag = await failure({ target: 'cobol' }, project(TWO));
    expect(flag).toBeInstanceOf(UsageError);
    expect(flag.message).toBe("unknown target 'cobol' for --target (known targets: typescript, python)");
  });

  it('refuses a top-level output next to a targets map', async () => {
    const error = await failure({}, project(`output: out\n${TWO}`));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/with a 'targets' map, set 'output' and 'templates' per target/);
  });

  it.each([
    ['the same folder', 'sdks/both', 'sdks/both'],
    ['one folder inside the other', 'sdks', 'sdks/py'],
  ])('refuses two targets in %s (each manifest would remove the other target’s files)', async (_what, ts, py) => {
    const cwd = project(`input: api.yaml\ntargets:\n  typescript:\n    output: ${ts}\n  python:\n    output: ${py}\n`);
    const error = await failure({}, cwd);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/targets typescript and python need separate output folders/);
  });

  it('defaults each target to generated/<target>', async () => {
    const cwd = project('input: api.yaml\ntargets:\n  typescript: {}\n  python: {}\n');
    const config = await resolveConfig({}, cwd);
    expect(config.targets.map((t) => t.output)).toEqual([join(cwd, 'generated/typescript'), join(cwd, 'generated/python')]);
  });
});
