import type { LintRule } from "../spec/lint-context.js";
import { readPointer } from "../runtime/pointer.js";
import { isWebhook, lintView, type Parsed, type Problem, reportProblems } from "./problem.js";
import { parseXPagination, type XPagination } from "./x-pagination.js";

/**
 * `x-mock-pages` on a paged operation: the names of its success response's examples, in page
 * order, that the mock servers walk through. With cursor paging each page but the last names
 * the next one's cursor and the last one ends the walk (null cursor); with offset paging the
 * pages' items, in order, are the records the mocks slice by the offset and limit asked for.
 */
export type XMockPages = readonly string[];

export interface MockPagesContext {
  /**
   * The operation's `x-pagination`, parsed (cursor paging has `nextCursor`, offset paging not);
   * undefined when the operation has none.
   */
  readonly pagination: { readonly items: string; readonly nextCursor?: string } | undefined;
  /** Named examples of the success response, in spec order (the first is the default answer). */
  readonly examples: Readonly<Record<string, unknown>>;
}

export const mockPagesMessages = {
  shape: "x-mock-pages must list the names of the success response's examples, in page order",
  noPagination:
    "x-mock-pages needs x-pagination on the same operation (it says where the cursor or offset and the items are)",
} as const;

/** The cursor a page hands to the next one; "" when it has none (the last page). */
function cursorOf(example: unknown, pointer: string): string | undefined {
  const cursor = readPointer(example, pointer);
  if (cursor === null || cursor === undefined || cursor === "") return "";
  return typeof cursor === "string" ? cursor : undefined;
}

export function parseXMockPages(value: unknown, context: MockPagesContext): Parsed<XMockPages> {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((v): v is string => typeof v === "string" && v !== "")
  ) {
    return { ok: false, problems: [{ path: [], message: mockPagesMessages.shape }] };
  }
  if (context.pagination === undefined)
    return { ok: false, problems: [{ path: [], message: mockPagesMessages.noPagination }] };
  const { items, nextCursor } = context.pagination;
  const names = Object.keys(context.examples);
  const problems: Problem[] = [];
  const cursors = new Map<string, number>();
  value.forEach((name, i) => {
    if (value.indexOf(name) !== i) {
      problems.push({ path: [i], message: `"${name}" is listed twice; each page is its own example` });
      return;
    }
    if (!names.includes(name)) {
      problems.push({
        path: [i],
        message: `"${name}" is not an example of the success response (its examples: ${names.join(", ") || "none"})`,
      });
      return;
    }
    const example = context.examples[name];
    if (!Array.isArray(readPointer(example, items)))
      problems.push({ path: [i], message: `example "${name}" has no list at ${items} (x-pagination.items)` });
    if (nextCursor === undefined) return;
    const cursor = cursorOf(example, nextCursor);
    const last = i === value.length - 1;
    if (cursor === undefined)
      problems.push({ path: [i], message: `example "${name}" has a non-string cursor at ${nextCursor}` });
    else if (last && cursor !== "")
      problems.push({ path: [i], message: `the last page "${name}" must end the walk: null at ${nextCursor}` });
    else if (!last && cursor === "")
      problems.push({
        path: [i],
        message: `page "${name}" is not the last, so it needs the next page's cursor at ${nextCursor}`,
      });
    else if (!last && cursors.has(cursor))
      problems.push({
        path: [i],
        message: `page "${name}" repeats the cursor of page ${cursors.get(cursor)! + 1}; each page leads to a new one`,
      });
    else cursors.set(cursor, i);
  });
  if (names[0] !== undefined && value[0] !== names[0]) {
    problems.push({
      path: [0],
      message: `the first page must be the success response's first example ("${names[0]}"), which the mocks answer without a cursor`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/**
 * The lint rule: `x-mock-pages` lists success examples that chain into a walk that ends: the
 * first is the default answer, each cursor leads to the next page, the last has none.
 */
export const xMockPagesRule: LintRule = () => ({
  Operation(node: object, ctx) {
    if (isWebhook(ctx)) return;
    const operation = node as Record<string, unknown>;
    const value = operation["x-mock-pages"];
    if (value === undefined) return;
    const view = lintView(node, ctx);
    let pagination: XPagination | undefined;
    if (operation["x-pagination"] !== undefined) {
      const parsed = parseXPagination(operation["x-pagination"], view);
      // A malformed x-pagination is its own rule's to report.
      if (!parsed.ok) return;
      pagination = parsed.value;
    }
    reportProblems(ctx, "x-mock-pages", parseXMockPages(value, { pagination, examples: view.successExamples }));
  },
});
