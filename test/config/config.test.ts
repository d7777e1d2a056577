import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../generator/config';
import { ConfigError } from '../../generator/errors';

const REPO = join(__dirname, '..', '..');

function tempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-config-')));
}

async function configError(flags: Parameters<typeof resolveConfig>[0], cwd: string): Promise<string> {
  try {
    await resolveConfig(flags, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config: defaults', () => {
  it('uses the embedded shell-ev spec with no input and no config file', async () => {
    const cwd = tempDir();
    const config = await resolveConfig({}, cwd);
    expect(config).toMatchObject({ input: join(REPO, 'spec', 'shell-ev.yaml'), allowRemoteRefs: false });
    expect(config.targets).toEqual([
      {
        target: 'typescript',
        output: join(cwd, 'generated', 'typescript'),
        packageName: 'shellev',
        clientName: 'ShellevClient',
        templates: undefined,
        packageVersion: undefined,
        naming: { apiClassSuffix: 'Api', errorClassSuffix: 'Exception' },
      },
    ]);
    // The embedded spec lies outside the working directory: the ref root is its own folder.
    expect(config.refRoot).toBe(join(REPO, 'spec'));
  });

  it('derives the package name from the spec file and leaves the client name to the IR', async () => {
    const cwd = tempDir();
    const config = await resolveConfig({ input: 'specs/Pet Store.v2.yaml' }, cwd);
    expect(config).toMatchObject({ input: join(cwd, 'specs', 'Pet Store.v2.yaml') });
    expect(config.targets[0]).toMatchObject({ packageName: 'pet-store.v2', clientName: undefined });
    expect(config.refRoot).toBe(cwd);
  });

  it('reads the repository config file, which says the same as the embedded default', async () => {
    const config = await resolveConfig({}, REPO);
    expect(config).toMatchObject({ input: join(REPO, 'spec', 'shell-ev.yaml'), refRoot: REPO });
    expect(config.targets[0]).toMatchObject({
      target: 'typescript',
      output: join(REPO, 'generated', 'typescript'),
      packageName: 'shellev',
      clientName: 'ShellevClient',
    });
  });
});

describe('config: precedence and paths', () => {
  it('flags > config file > defaults; file paths are relative to the config file', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'conf'));
    mkdirSync(join(cwd, 'conf', 'tpl'));
    writeFileSync(
      join(cwd, 'conf', 'sdk.yaml'),
      'input: ../api.yaml\noutput: out\npackage: {name: from-file, version: 1.0.0}\nclient: {className: FileClient}\ntemplates: tpl\nallowRemoteRefs: true\nnaming: {apiClassSuffix: Service}\n',
    );
    const fromFile = await resolveConfig({ config: 'conf/sdk.yaml' }, cwd);
    expect(fromFile).toMatchObject({ input: join(cwd, 'api.yaml'), allowRemoteRefs: true });
    expect(fromFile.targets[0]).toMatchObject({
      output: join(cwd, 'conf', 'out'),
      packageName: 'from-file',
      packageVersion: '1.0.0',
      clientName: 'FileClient',
      templates: join(cwd, 'conf', 'tpl'),
      naming: { apiClassSuffix: 'Service', errorClassSuffix: 'Exception' },
    });
    const flagged = await resolveConfig(
      { config: 'conf/sdk.yaml', input: 'other.yaml', output: 'o', packageName: '@scope/flag', clientName: 'FlagClient', packageVersion: '2.0.0-rc.1' },
      cwd,
    );
    expect(flagged).toMatchObject({ input: join(cwd, 'other.yaml') });
    expect(flagged.targets[0]).toMatchObject({
      output: join(cwd, 'o'),
      packageName: '@scope/flag',
      packageVersion: '2.0.0-rc.1',
      clientName: 'FlagClient',
    });
  });

  it('finds ./sdkgen.config.yaml in the working directory', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sdkgen.config.yaml'), 'input: api.yaml\npackage: {name: found}\n');
    const config = await resolveConfig({}, cwd);
    expect(config).toMatchObject({ input: join(cwd, 'api.yaml') });
    expect(config.targets[0]).toMatchObject({ packageName: 'found' });
  });

  it('uses --ref-root as given', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'wide'));
    expect((await resolveConfig({ input: '/elsewhere/api.yaml', refRoot: 'wide' }, cwd)).refRoot).toBe(join(cwd, 'wide'));
    expect((await resolveConfig({ input: '/elsewhere/api.yaml' }, cwd)).refRoot).toBe('/elsewhere');
  });
});

describe('config: errors name the key and the file', () => {
  it.each([
    ['an unknown key', 'inptu: api.yaml\n', /sdk\.yaml:1:1: unknown key 'inptu'/],
    ['an unknown nested key', 'package:\n  nmae: x\n', /sdk\.yaml:2:3: unknown key 'package\.nmae'/],
    ['a wrong type', 'allowRemoteRefs: "yes"\n', /sdk\.yaml:1:1: 'allowRemoteRefs' must be true or false/],
    ['a number for a version', 'package: {version: 1.0}\n', /'package\.version' must be a non-empty string \(quote it\)/],
    ['a non-mapping', '- a\n', /must be a mapping/],
    ['broken YAML', 'input: [\n', /sdk\.yaml:2:1: YAML syntax error/],
    ['an invalid package name', 'input: a.yaml\npackage: {name: My Package}\n', /invalid package name 'My Package' .*package\.name/],
    ['an invalid client name', 'input: a.yaml\nclient: {className: 1Client}\n', /invalid client class name '1Client'/],
    ['a reserved client name', 'input: a.yaml\nclient: {className: class}\n', /invalid client class name 'class'/],
    ['an invalid version', 'input: a.yaml\npackage: {version: "1.0"}\n', /invalid package version '1\.0'/],
    ['a missing templates folder', 'input: a.yaml\ntemplates: nope\n', /templates folder not found: .*nope/],
  ])('%s', async (_name, text, expected) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sdk.yaml'), text);
    expect(await configError({ config: 'sdk.yaml' }, cwd)).toMatch(expected);
  });

  it.each([
    [{ packageName: 'Bad Name' }, /invalid package name 'Bad Name' \(--package-name\)/],
    [{ clientName: 'my-client' }, /invalid client class name 'my-client' \(--client-name\)/],
    [{ config: 'missing.yaml' }, /config file not found: .*missing\.yaml/],
    [{ refRoot: 'nope' }, /ref root is not a folder/],
  ])('rejects flags %j', async (flags, expected) => {
    expect(await configError({ input: 'a.yaml', ...flags }, tempDir())).toMatch(expected);
  });
});
