#!/usr/bin/env node
// The dfsplit program: run() of src/cli-main.ts with this process's arguments, streams, directory and
// environment, its answer as the exit code. What only a whole process has stays here: the crash of an
// error thrown outside a command's promise (an event handler, yargs itself), which ends the process at once
// with exit 2; --write's holding of signals (io.holdSignals); standard input read from file descriptor 0,
// and as a stream for --interactive's answers.
import { crashText, run } from './cli-main.js';

process.on('uncaughtException', (err) => {
  process.stderr.write(crashText(err, process.env));
  process.exit(2);
});

process.exitCode = await run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: () => process.stdin, holdSignals: true });
