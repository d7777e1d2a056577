/**
 * A one-line progress indicator on stderr (`sdkgen: validating…`), for people waiting on a large
 * spec. It only appears when stderr is a terminal, the run is not `--quiet`, and the run has
 * already taken a moment: small specs finish before it would show, so their output stays one line.
 */
import type { CliIo, Verbosity } from './io';

/** Receives stage names from the pipeline; `done` erases the line. */
export interface Progress {
  readonly stage: (name: string) => void;
  readonly done: () => void;
}

/** Delay before the indicator shows; a run finishing sooner never prints it. */
const SHOW_AFTER_MS = 300;

const LABELS: Readonly<Record<string, string>> = {
  load: 'loading the spec',
  validate: 'validating',
  ir: 'building the model',
  render: 'rendering',
  write: 'writing files',
};

/** A progress indicator for `io`, or one that prints nothing when it should not show. */
export function createProgress(io: CliIo, verbosity: Verbosity): Progress {
  if (verbosity === 'quiet' || io.isTTY?.stderr !== true) return { stage: () => undefined, done: () => undefined };
  let current = 'starting';
  let shown = false;
  const draw = (): void => {
    shown = true;
    io.stderr(`\r\u001b[2Ksdkgen: ${LABELS[current] ?? current}…`);
  };
  const timer = setTimeout(draw, SHOW_AFTER_MS);
  timer.unref();
  return {
    stage: (name) => {
      current = name;
      if (shown) draw();
    },
    done: () => {
      clearTimeout(timer);
      if (shown) io.stderr('\r\u001b[2K');
      shown = false;
    },
  };
}
