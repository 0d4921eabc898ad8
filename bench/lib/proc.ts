import { spawn } from "node:child_process";

export interface Command {
  /** argv[0] is the executable (`node` means this Node, process.execPath). */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

export interface ProcessResult {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command as a person would type it (cwd first when it matters). */
export function describeCommand(command: Command, cwdShown?: string): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);
  const line = command.argv.map(quote).join(" ");
  return cwdShown === undefined ? line : `(cd ${cwdShown} && ${line})`;
}

/** Runs a whole process and measures its wall time (spawn to exit), output captured. */
export function runProcess(command: Command): Promise<ProcessResult> {
  const [exe, ...args] = command.argv;
  if (exe === undefined) throw new Error("empty command");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(exe === "node" ? process.execPath : exe, args, {
      cwd: command.cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...command.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({
        ms: performance.now() - started,
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

/** Like runProcess, but a non-zero exit throws with the first lines of its output. */
export async function timeProcess(command: Command): Promise<number> {
  const result = await runProcess(command);
  if (result.code !== 0) {
    const text = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(0, 3).join(" | ");
    throw new Error(`exit ${result.code}: ${text.slice(0, 400)}`);
  }
  return result.ms;
}
