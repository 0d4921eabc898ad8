// Preloaded into every Node process of a command that bench/npm-test.ts measures
// (NODE_OPTIONS=--require …): writes the process's arguments and CPU time to
// $PAYSPEC_CPU_LEDGER/<pid>.json every 200 ms and at exit, so that a process stopped by a signal,
// whose exit handlers never run, still leaves its figure, short by at most 0.2 s.
"use strict";
const { isMainThread } = require("node:worker_threads");

const dir = process.env.PAYSPEC_CPU_LEDGER;
// A worker thread shares its process's pid and CPU time; the main thread writes for both.
if (dir && isMainThread) {
  const { renameSync, writeFileSync } = require("node:fs");
  const file = require("node:path").join(dir, `${process.pid}.json`);
  const staged = `${file}.tmp`;
  const write = () => {
    const { user, system } = process.cpuUsage();
    try {
      // Staged, then renamed: the reader never sees half a file.
      writeFileSync(staged, JSON.stringify({ argv: process.argv, execArgv: process.execArgv, user, system }));
      renameSync(staged, file);
    } catch {
      // The ledger's folder is gone once the measured command is over: nothing left to record.
    }
  };
  setInterval(write, 200).unref();
  process.on("exit", write);
}
