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

/**
 * A reader that goes away (`sdkgen --help | head`) closes the pipe: stop quietly, as Unix tools
 * do, instead of crashing on EPIPE. Any other stream error is still thrown.
 */
function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** The real process streams. */
export function processIo(): CliIo {
  exitOnClosedPipe(process.stdout);
  exitOnClosedPipe(process.stderr);
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
