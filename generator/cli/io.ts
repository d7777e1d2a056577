/** Where the CLI prints; injectable so commands can be tested without spawning a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether each stream is a terminal (colours and progress are for people, not pipes). Default: no. */
  readonly isTTY?: { readonly stdout: boolean; readonly stderr: boolean };
  /** Environment (for `NO_COLOR`). Default: empty. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    env: process.env,
  };
}

/** Verbosity of a run: `quiet` prints errors only, `verbose` adds stage timings. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';
