import { describe, expect, it } from "vitest";
import type { OperationModel } from "../../generator/model/types.js";
import { createRouter } from "../../mock/route.js";

function op(id: string, method: OperationModel["method"], path: string): OperationModel {
  return {
    id,
    method,
    path,
    pointer: "#",
    deprecated: false,
    parameters: [],
    responses: [],
    security: [],
    idempotent: true,
  };
}

describe("createRouter", () => {
  const route = createRouter([
    op("byId", "get", "/pets/{id}"),
    op("mine", "get", "/pets/mine"),
    op("create", "post", "/pets"),
    op("dotted", "get", "/v1.0/x"),
  ]);

  it.each([
    ["GET", "/pets/42", "byId"],
    ["GET", "/pets/mine", "mine"],
    ["get", "/pets/a%2Fb", "byId"],
    ["POST", "/pets", "create"],
    ["GET", "/v1.0/x", "dotted"],
  ])("%s %s → %s", (method, path, id) => {
    expect(route(method, path)?.id).toBe(id);
  });

  it.each([
    ["GET", "/pets"],
    ["POST", "/pets/42"],
    ["GET", "/pets/42/toys"],
    ["GET", "/pets/"],
    ["GET", "/v1X0/x"],
  ])("%s %s → no operation", (method, path) => {
    expect(route(method, path)).toBeUndefined();
  });
});
