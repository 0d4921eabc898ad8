import { identifier, isRecord, type Parsed, type Problem, unknownKeys } from "./problem.js";

/** `x-credential` on a security scheme: which client option supplies its value. */
export interface XCredential {
  readonly option: string;
  /** Text sent before the secret, e.g. "Token " for `Authorization: Token <key>`. */
  readonly prefix: string;
  readonly description?: string;
}

export function parseXCredential(value: unknown): Parsed<XCredential> {
  if (!isRecord(value)) {
    return { ok: false, problems: [{ path: [], message: "x-credential must be an object: { option, prefix?, description? }" }] };
  }
  const problems: Problem[] = [
    ...unknownKeys(value, ["option", "prefix", "description"]),
    ...identifier(value.option, ["option"], "x-credential.option"),
  ];
  if (value.prefix !== undefined && typeof value.prefix !== "string") {
    problems.push({ path: ["prefix"], message: "x-credential.prefix must be a string such as \"Token \"" });
  }
  if (value.description !== undefined && typeof value.description !== "string") {
    problems.push({ path: ["description"], message: "x-credential.description must be a string" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      option: value.option as string,
      prefix: (value.prefix as string | undefined) ?? "",
      ...(typeof value.description === "string" ? { description: value.description } : {}),
    },
  };
}
