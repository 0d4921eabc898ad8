import type { ClientContext } from "./context.js";
import type { ClientDefaultSpec, OperationSpec, RequestArgs } from "./types.js";
import { ARGUMENT_PLACES } from "./rules.js";
import { type Issue, segment } from "./validation.js";

const ARG_KEYS = { ...ARGUMENT_PLACES, body: "body" } as const;

function holderOf(args: RequestArgs, field: ClientDefaultSpec): unknown {
  return args[ARG_KEYS[field.in]];
}

/**
 * The call's arguments with every field a client option fills (`x-client-option`) set from that
 * option when the call leaves it out; a call's own value always wins.
 */
export function withClientDefaults(ctx: ClientContext, op: OperationSpec, args: RequestArgs): RequestArgs {
  let filled = args;
  for (const field of op.defaults ?? []) {
    const value = ctx.defaults.get(field.option);
    const holder = holderOf(filled, field);
    const own = typeof holder === "object" && holder !== null ? (holder as Record<string, unknown>) : undefined;
    if (value === undefined || own?.[field.name] !== undefined) continue;
    // A body that is not an object (a string, say) has no field to fill.
    if (field.in === "body" && holder !== undefined && own === undefined) continue;
    filled = { ...filled, [ARG_KEYS[field.in]]: { ...own, [field.name]: value } };
  }
  return filled;
}

/** Validation issues, with "is required" on a field a client option could fill saying so. */
export function explainDefaults(op: OperationSpec, issues: readonly Issue[]): Issue[] {
  const options = new Map((op.defaults ?? []).map((f) => [`/${ARG_KEYS[f.in]}${segment(f.name)}`, f.option]));
  return issues.map((issue) => {
    const option = options.get(issue.pointer);
    return option !== undefined && issue.message === "is required"
      ? { ...issue, message: `is required (pass it, or set the client option ${option})` }
      : issue;
  });
}
