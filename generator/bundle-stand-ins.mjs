// Imports the launcher's bundle (bundle.mjs) answers with a stand-in instead of the module
// named, each because the module costs a run time it does not need to spend. Each stand-in is
// checked against the module it replaces: the first by test/house/one-redocly.test.ts, the
// others by test/house/bundle-stand-ins.test.ts. Plain JavaScript, as bundle.mjs is.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const REDOCLY_LIB = path.dirname(require.resolve("@redocly/openapi-core"));
const sep = path.sep;
// Redocly's example checks, and the packages as they resolve them.
const EXAMPLE_CHECKS = path.join(REDOCLY_LIB, "rules", "ajv.js");
const fromRedoclyAjv = createRequire(EXAMPLE_CHECKS);
const REDOCLY_AJV = path.dirname(fromRedoclyAjv.resolve("@redocly/ajv/package.json"));
const AJV_FORMATS = path.dirname(fromRedoclyAjv.resolve("ajv-formats/package.json"));
const AJV_FOLDER = `${sep}ajv${sep}`;

/**
 * @typedef {object} StandIn
 * @property {RegExp} specifier The import it answers.
 * @property {(importer: string) => boolean} from Which importing files it answers it for.
 * @property {(real: string) => string} contents Its code, given the absolute path the import
 *   resolves to. `require(<absolute path>)` in it stays external, as a CommonJS dependency does.
 */

/** @type {readonly StandIn[]} */
export const STAND_INS = [
  // openapi-typescript takes two pointer helpers, `parseRef` and `escapePointer`, from its own
  // Redocly 1, whose `ref-utils` requires 46 CommonJS modules (about 50 ms a run). Redocly 2, which
  // every run loads anyway, has the same two (test/house/one-redocly.test.ts).
  {
    specifier: /^@redocly\/openapi-core\/lib\/ref-utils\.js$/,
    from: (importer) => importer.includes(`${sep}openapi-typescript${sep}`),
    contents: () =>
      `export { parseRef, escapePointerFragment as escapePointer } from ${JSON.stringify(path.join(REDOCLY_LIB, "ref-utils.js"))};`,
  },
  // Redocly compiles an Ajv validator for each distinct schema an example is checked against (74
  // for the project's specs), and Ajv's optimizing pass over each generated function is a third
  // of that time. The pass only tidies the generated code; the validator accepts and reports the
  // same.
  {
    specifier: /^@redocly\/ajv\/dist\/(2020|draft4)\.js$/,
    from: (importer) => importer === EXAMPLE_CHECKS,
    contents: (real) => `const Ajv = require(${JSON.stringify(real)}).default;
export default class UnoptimizedAjv extends Ajv {
  constructor(options) {
    super({ ...options, code: { ...options?.code, optimize: false } });
  }
}`,
  },
  // Redocly adds ajv-formats' formats to its Ajv (@redocly/ajv, a fork of Ajv), and ajv-formats
  // requires Ajv itself for two helpers (KeywordCxt and the code builder): a second Ajv (66
  // CommonJS modules, about 30 ms a run) only for those. So ajv-formats is bundled, and its two
  // imports of Ajv (the entry after it) take the helpers from the Ajv it adds formats to.
  {
    specifier: /^ajv-formats$/,
    from: (importer) => importer === EXAMPLE_CHECKS,
    contents: (real) => `export { default } from ${JSON.stringify(real)};`,
  },
  {
    specifier: /^ajv(\/dist\/compile\/codegen)?$/,
    from: (importer) => importer.startsWith(`${AJV_FORMATS}${sep}`),
    contents: (real) => {
      const inPackage = real.slice(real.lastIndexOf(AJV_FOLDER) + AJV_FOLDER.length);
      return `module.exports = require(${JSON.stringify(path.join(REDOCLY_AJV, inPackage))});`;
    },
  },
  // Redocly's GraphQL `struct` rule imports graphql (129 CommonJS modules, about 55 ms a run) from
  // a module every run loads, though only a GraphQL document calls it. Its stand-in requires
  // graphql on first use; a name the rule imports that is not here fails the bundle.
  {
    specifier: /^graphql$/,
    from: (importer) => importer === path.join(REDOCLY_LIB, "rules", "graphql", "struct.js"),
    contents: (real) => `const graphql = () => require(${JSON.stringify(real)});
export const buildASTSchema = (...args) => graphql().buildASTSchema(...args);
export const validateSchema = (...args) => graphql().validateSchema(...args);
export class GraphQLError {
  static [Symbol.hasInstance](value) {
    return value instanceof graphql().GraphQLError;
  }
}`,
  },
];
