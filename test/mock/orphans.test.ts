import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 100)))
    if (check()) return true;
  return check();
}

describe("no orphan Prism", () => {
  it("every Prism exits when the process that started it is killed outright (SIGKILL: no handler runs)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO, "test/mock/orphan-child.ts")], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]!) as number[]);
      });
      child.once("exit", (code) => reject(new Error(`the child exited (${String(code)}) before starting its mock`)));
    });
    expect(pids).toHaveLength(1);
    expect(pids.every(alive)).toBe(true);
    child.kill("SIGKILL");
    expect(await until(() => !pids.some(alive), 10_000)).toBe(true);
  }, 90_000);
});
