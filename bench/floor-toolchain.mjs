// What bench/floor.mjs loads, bundled the way generator/bundle.mjs bundles the generator: the
// compiler (ts-morph's), ts-morph and Redocly 2 (whose YAML parser reads redocly.yaml, as in a
// full `generate`).
// Exported so that the bundle keeps them (unused CommonJS imports are dropped).
import ts from "typescript";
import { Project } from "ts-morph";

export { BaseResolver, bundle, createConfig, lint, parseYaml } from "@redocly/openapi-core";
export const loaded = [ts, Project];
