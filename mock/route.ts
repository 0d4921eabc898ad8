import type { OperationModel } from "../generator/model/types.js";

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly templated: number;
  readonly operation: OperationModel;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `/pets/{id}` → /^\/pets\/[^/]+$/ ; a template segment matches one non-empty path segment. */
function compile(path: string): { pattern: RegExp; templated: number } {
  let templated = 0;
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (/^\{[^}]+\}$/.test(part)) {
        templated += 1;
        return "[^/]+";
      }
      return escapeRegExp(part);
    })
    .join("");
  return { pattern: new RegExp(`^${source}$`), templated };
}

export type Router = (method: string, pathname: string) => OperationModel | undefined;

/**
 * Finds the operation for a request the way OpenAPI says: a concrete path wins over a
 * templated one (`/pets/mine` before `/pets/{id}`), so routes with fewer templates go first.
 */
export function createRouter(operations: readonly OperationModel[]): Router {
  const routes: Route[] = operations
    .map((operation) => ({ method: operation.method, operation, ...compile(operation.path) }))
    .sort((a, b) => a.templated - b.templated);
  return (method, pathname) => {
    const lower = method.toLowerCase();
    return routes.find((route) => route.method === lower && route.pattern.test(pathname))?.operation;
  };
}
