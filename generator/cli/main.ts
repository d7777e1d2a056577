#!/usr/bin/env node
/** The `sdkgen` executable. */
import { setFlagsFromString } from 'node:v8';
import { processIo } from './io';
import { run } from './run';

// ruff (the Python target's formatter) is a 10 MB WebAssembly module. V8 runs it in its baseline
// compiler and recompiles the functions that run most with its optimizing one on background
// threads, and the process waits for those before it exits (nodejs/node#36616): about 0.5 s after
// any run that formatted something, far more than the recompiled code saves on the little
// formatting a run does (GitHub's API with an empty format cache is no slower without it). So the
// CLI keeps WebAssembly in the baseline tier. Set here, not in the formatter: the flag is
// process-wide, and sdkgen used as a library must not change its host's engine.
setFlagsFromString('--wasm-tiering-budget=2000000000');

// exitCode instead of process.exit(): lets stdout/stderr drain when they are pipes.
run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sdkgen: internal error — please report it\n${String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 70;
  },
);
