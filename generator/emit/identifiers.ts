import { isIdentifierName, pascalCase } from "../spec/names.js";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of unknown never object undefined bigint await async"
  ).split(" "),
);

/** A name usable as a type or value identifier: PascalCase, not reserved, unique within `taken`. */
export function uniqueTypeName(raw: string, taken: Set<string>, suffix = ""): string {
  let base = pascalCase(raw) + suffix;
  if (RESERVED.has(base.toLowerCase()) && suffix === "") base = `${base}Type`;
  return uniqueName(base, taken);
}

/** `base`, or `base2`, `base3`… if taken; records the result in `taken`. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

export function isIdentifier(name: string): boolean {
  return isIdentifierName(name) && !RESERVED.has(name);
}
