import type { ClientContext } from "./context.js";
import { TransportError } from "./errors.js";
import { redact } from "./redact.js";
import { prepareRequest } from "./request.js";
import { readResponse } from "./response.js";
import type { OperationSpec, RequestArgs } from "./types.js";

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/**
 * One call of one operation. `R` is the operation's generated result union; the runtime
 * returns the matching shape, which the generated method declares.
 */
export async function invoke<R>(ctx: ClientContext, op: OperationSpec, args: RequestArgs = {}): Promise<R> {
  const { url, init } = prepareRequest(ctx, op, args);
  let response: Response;
  try {
    response = await ctx.fetch(url, init);
  } catch (error) {
    if (args.signal?.aborted) throw error;
    throw new TransportError(ctx.provider, op.id, `request failed: ${redact(describe(error), ctx.secrets)}`, { cause: error });
  }
  return (await readResponse(ctx, op, response)) as R;
}
