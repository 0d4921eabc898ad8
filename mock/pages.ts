import { readPointer } from "../generator/runtime/pointer.js";
import { isRecord } from "../generator/runtime/records.js";
import type { PagingField } from "../generator/runtime/types.js";
import { type GuardedRequest, sentValue } from "./guards.js";
import type { MockOperation } from "./mock-api.js";
import type { Violation } from "./refusal.js";

/** How the front answers one page: what to ask Prism for, and what to change in its answer. */
export interface PagePlan {
  /** The `Prefer` header sent to Prism. */
  readonly prefer: string;
  /** The value to put at a JSON pointer of Prism's success answer. */
  readonly patch?: { readonly pointer: string; readonly value: unknown };
}

/** A request field of a paging declaration: a parameter, or a top-level field of the JSON body. */
function fieldValue(request: GuardedRequest, field: PagingField): unknown {
  if (field.in !== "body") return sentValue(request, field.in, field.name);
  try {
    const body: unknown = JSON.parse(Buffer.from(request.body).toString("utf8"));
    return isRecord(body) ? body[field.name] : undefined;
  } catch {
    return undefined;
  }
}

function count(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/**
 * Which page of `x-mock-pages` answers this request. Cursor paging: no cursor is the first
 * page, the cursor a page handed out is the next one, any other cursor is refused. Offset
 * paging: the records of every page example, in order, sliced at the offset and limit sent
 * (so any page size walks them, and a short page ends the walk). With `dynamic`, Prism makes
 * the answer up and only the paging part is set: the next cursor, or the sliced records.
 */
export function planPage(
  operation: MockOperation,
  request: GuardedRequest,
  dynamic: boolean,
): PagePlan | Violation | undefined {
  const paging = operation.model.pagination;
  const { pages, success } = operation;
  if (paging === undefined || pages === undefined || success === undefined) return undefined;
  const examples = success.examples;
  const asked = (name: string): string =>
    dynamic ? `code=${success.status}` : `code=${success.status}, example=${name}`;

  if ("cursor" in paging) {
    const sent = sentValue(request, paging.cursor.in, paging.cursor.name);
    const index =
      sent === undefined || sent === ""
        ? 0
        : pages.findIndex((name) => readPointer(examples[name], paging.nextCursor) === sent) + 1;
    const page = pages[index];
    if (index === 0 && sent !== undefined && sent !== "") {
      const shown = sent.length > 60 ? `${sent.slice(0, 60)}…` : sent;
      return {
        in: paging.cursor.in,
        field: paging.cursor.name,
        rule: "cursor",
        message: `no page of the mock has the cursor ${JSON.stringify(shown)}`,
      };
    }
    return {
      prefer: asked(page!),
      ...(dynamic
        ? { patch: { pointer: paging.nextCursor, value: readPointer(examples[page!], paging.nextCursor) ?? null } }
        : {}),
    };
  }

  const offset = count(fieldValue(request, paging.offset), 0);
  const limit = count(
    fieldValue(request, paging.limit),
    paging.limit.meaning === "end" ? (offset ?? 0) + paging.pageSize : paging.pageSize,
  );
  // Prism refuses what the schema forbids; anything else it lets through is not a page request.
  if (offset === undefined || limit === undefined) return undefined;
  const size = paging.limit.meaning === "end" ? limit - offset : limit;
  const records = pages.flatMap((name) => {
    const items = readPointer(examples[name], paging.items);
    return Array.isArray(items) ? items : [];
  });
  return {
    prefer: asked(pages[0]!),
    patch: { pointer: paging.items, value: records.slice(offset, offset + Math.max(size, 0)) },
  };
}
