import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { REPO } from "./temp-project.js";
import { RESOLUTIONS, STRICT } from "./tsc.js";

// `tsc -p <config> --pretty false` run inside the test worker, through the repo's own `typescript`:
// the same config parsing, compiler host, diagnostics order and exit status as tsc's
// performCompilation (typescript/lib/_tsc.js), without a process and compiler load per check.
// The worker keeps its modules from one test file to the next (vitest `isolate: false`), so the
// parsed and bound declarations of lib and node_modules are shared by every check it runs.

/** Where files that cannot change during a run live; the tests' own output under .cache can. */
const NODE_MODULES = `${path.join(REPO, "node_modules").split(path.sep).join("/")}/`;
const WRITABLE = `${NODE_MODULES}.cache/`;

/** What tsc sets on its compiler host: JSDoc parsed only where it changes diagnostics (`@link` uses). */
const JSDOC = ts.JSDocParsingMode.ParseForTypeErrors;

/**
 * TypeScript's own cache of SourceFiles, as the language service shares files across projects: a
 * file is kept per bucket of the options that change how it parses and binds (target, module,
 * moduleResolution, moduleDetection, alwaysStrict…) and per module format it is read in
 * (impliedNodeFormat), so a declaration file read as CommonJS is never reused as ESM.
 */
const registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, ts.sys.getCurrentDirectory(), JSDOC);

/** tsc's own file-name comparison for relative paths in diagnostics (lower-cased where case-insensitive). */
const canonicalFileName = ts.createCompilerHost({}).getCanonicalFileName;

/** A file's text, read only if the registry has no SourceFile of that version to reuse. */
function lazySnapshot(fileName: string, read: (fileName: string) => string | undefined): ts.IScriptSnapshot {
  let text: string | undefined;
  const get = (): string => {
    text ??= read(fileName);
    if (text === undefined) throw new Error(`cannot read ${fileName}`);
    return text;
  };
  return {
    getText: (start, end) => get().substring(start, end),
    getLength: () => get().length,
    getChangeRange: () => undefined, // a changed file is parsed again in full
  };
}

function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.jsDocParsingMode = JSDOC;
  const fresh = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (shouldCreateNewSourceFile || !fileName.startsWith(NODE_MODULES) || fileName.startsWith(WRITABLE))
      return fresh(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const stat = statSync(fileName, { throwIfNoEntry: false });
    // A missing file is the compiler host's to report, as tsc would.
    if (!stat?.isFile()) return fresh(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    // mtime and size as the version: a package reinstalled mid-run is parsed again, not reused stale.
    const version = `${stat.mtimeMs}:${stat.size}`;
    const snapshot = lazySnapshot(fileName, (name) => host.readFile(name));
    return registry.acquireDocument(fileName, options, snapshot, version, undefined, languageVersionOrOptions);
  };
  return host;
}

/** What tsc would print and exit with; `output` is its stdout, diagnostics then `--listFiles`. */
export interface TscResult {
  readonly status: number;
  readonly output: string;
}

/** Throws on any attempt to write: these checks are `noEmit` and must leave the disk alone. */
const refuseWrite: ts.WriteFileCallback = (fileName) => {
  throw new Error(`in-process tsc does not emit (tried to write ${fileName})`);
};

/** `tsc -p <configFile> --pretty false [--listFiles]`, in this process. */
export function tscInProcess(configFile: string, flags: { readonly listFiles?: boolean } = {}): TscResult {
  const cwd = ts.sys.getCurrentDirectory();
  const format: ts.FormatDiagnosticsHost = {
    getCurrentDirectory: () => cwd,
    getNewLine: () => ts.sys.newLine,
    getCanonicalFileName: canonicalFileName,
  };
  let unrecoverable: ts.Diagnostic | undefined;
  // The options tsc takes from its command line, merged over the config's.
  const commandLine: ts.CompilerOptions = {
    project: path.resolve(cwd, configFile),
    pretty: false,
    ...(flags.listFiles ? { listFiles: true } : {}),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, commandLine, {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    fileExists: (file) => ts.sys.fileExists(file),
    readFile: (file) => ts.sys.readFile(file),
    getCurrentDirectory: () => cwd,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = diagnostic;
    },
  });
  if (!parsed) {
    // tsc prints the one diagnostic and exits with DiagnosticsPresent_OutputsSkipped.
    return { status: 1, output: unrecoverable ? ts.formatDiagnostic(unrecoverable, format) : "" };
  }
  const { options } = parsed;
  // performCompilation's path only; tsc takes others for these, and this must never write.
  if (!options.noEmit || options.incremental || options.composite || options.watch || options.listFilesOnly)
    throw new Error("in-process tsc supports plain noEmit checks only");

  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options,
    ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
    host: compilerHost(options),
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });

  // emitFilesAndReportErrors: semantic diagnostics only when config, syntax, options and globals are clean.
  const all = [...program.getConfigFileParsingDiagnostics()];
  const configCount = all.length;
  all.push(...program.getSyntacticDiagnostics());
  if (all.length === configCount) {
    all.push(...program.getOptionsDiagnostics());
    all.push(...program.getGlobalDiagnostics());
    if (all.length === configCount) all.push(...program.getSemanticDiagnostics());
    if (options.declaration && all.length === configCount) all.push(...program.getDeclarationDiagnostics());
  }
  const emitted = program.emit(undefined, refuseWrite);
  all.push(...emitted.diagnostics);
  const diagnostics = ts.sortAndDeduplicateDiagnostics(all);

  const files = options.listFiles ? program.getSourceFiles().map((file) => `${file.fileName}${ts.sys.newLine}`) : [];
  const output = ts.formatDiagnostics(diagnostics, format) + files.join("");
  const status = diagnostics.length === 0 ? 0 : emitted.emitSkipped ? 1 : 2;
  return { status, output };
}

/** tsc over `include` (absolute globs) under the strict settings; returns what it prints, trimmed. */
export function strictTsc(
  include: readonly string[],
  resolution: keyof typeof RESOLUTIONS,
): { status: number; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "payspec-tsc-"));
  try {
    const config = path.join(dir, "tsconfig.json");
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...STRICT, ...RESOLUTIONS[resolution] }, include }));
    const result = tscInProcess(config);
    return { status: result.status, output: result.output.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
