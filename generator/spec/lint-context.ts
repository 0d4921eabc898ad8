/**
 * The part of Redocly's rule API the project's rules use, written out here so that the vendor
 * extension modules (which hold those rules) depend on no Redocly type: the mocks ship their
 * parsers without Redocly. generator/lint/plugin.ts hands the rules to Redocly as its own type.
 */

/** Where in a document a problem is. */
export interface LintLocation {
  readonly pointer: string;
  child(path: readonly (string | number)[]): LintLocation;
  /** The location of the key itself rather than its value. */
  key(): LintLocation;
}

/** What a rule's visitor is given for each node it visits. */
export interface LintContext {
  readonly location: LintLocation;
  /** The node holding the visited one (an operation's path item). */
  readonly parent: unknown;
  report(problem: { readonly message: string; readonly location?: LintLocation }): void;
  resolve(node: { readonly $ref: string }): { readonly node: unknown };
}

type Visit = (node: object, ctx: LintContext) => void;

/** A rule: given its options from redocly.yaml, the visitor of each node kind it checks. */
export type LintRule = (
  options: Readonly<Record<string, unknown>>,
) => Readonly<Record<string, Visit | { readonly enter?: Visit; readonly leave?: Visit }>>;
