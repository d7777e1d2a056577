#!/usr/bin/env node
/** The `sdkgen` executable. */
import { processIo } from './io';
import { run } from './run';

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
