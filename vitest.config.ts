import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One set of Prism mocks for the whole run; tests get their URLs with inject("mockUrls").
    globalSetup: ["test/setup/mocks.ts"],
    testTimeout: 30_000,
    // vitest's default on 2 cores is one worker; most heavy tests wait on child processes
    // (tsc, Prism, npm), so two files at a time keep both cores busy.
    maxWorkers: 2,
    // Each worker keeps its modules from one file to the next: a fresh module graph per file
    // re-imported the compiler and Redocly for every file that generates (import time 60 s → 14 s
    // of a 190 s run, 2026-12-02). No test mocks a module or stubs a global, which this would leak.
    isolate: false,
    // Type tests (*.test-d.ts): expectTypeOf and @ts-expect-error checked by tsc.
    typecheck: { enabled: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "tsconfig.typetests.json" },
    hookTimeout: 60_000,
  },
});
