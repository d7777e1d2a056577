/** Where the CLI prints; injectable so commands can be tested without spawning a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** Verbosity of a run: `quiet` prints errors only, `verbose` adds stage timings. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';
