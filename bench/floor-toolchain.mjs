// What bench/floor.mjs loads, bundled the way generator/bundle.mjs bundles the generator: the
// compiler (ts-morph's), ts-morph, Redocly 2 and the YAML parser a full `generate` loads.
// Exported so that the bundle keeps them (unused CommonJS imports are dropped).
import ts from "typescript";
import { Project } from "ts-morph";

export { BaseResolver, bundle, createConfig, lint } from "@redocly/openapi-core";
export { parse } from "yaml";
export const loaded = [ts, Project];
