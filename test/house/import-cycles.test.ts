import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";

/**
 * No import cycle between folders: the folders of the source form layers (runtime at the bottom,
 * then spec reading, extensions, model, load, emit, write, the CLIs; mocks and tests on top),
 * so a newcomer can read them bottom-up. Imports inside one folder are free.
 */
const ROOTS = ["generator", "mock", "scripts", "bench", "test"];
const SOURCE = /\.(ts|mjs)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : files(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Folder → the folders its files import from (relative imports only). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of ROOTS.flatMap((root) => files(path.join(REPO, root)))) {
    const from = path.relative(REPO, path.dirname(file));
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g,
    )) {
      if (spec === undefined) continue;
      const to = path.relative(REPO, path.dirname(path.resolve(path.dirname(file), spec)));
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "active" | "done">();
  const visit = (node: string, trail: string[]): void => {
    state.set(node, "active");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "active") found.push([...trail.slice(trail.indexOf(next)), node, next]);
      else if (state.get(next) === undefined) visit(next, [...trail, node]);
    }
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node, []);
  return found;
}

it("finds a cycle when there is one (the check can fail)", () => {
  expect(
    cycles(
      new Map([
        ["a", new Set(["b"])],
        ["b", new Set(["a"])],
      ]),
    ),
  ).toEqual([["a", "b", "a"]]);
});

it("no folder imports, through any chain, from a folder that imports it", () => {
  const graph = folderGraph();
  expect(graph.size).toBeGreaterThan(5);
  expect(cycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
});
