/** Identifier helpers shared by the model and the emitters. */

/** Whether `name` is written like a JavaScript identifier (ASCII; reserved words included). */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** "PayCloud" stays "PayCloud"; "swagger petstore" becomes "SwaggerPetstore". */
export function pascalCase(text: string): string {
  const result = text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
  return /^[0-9]/.test(result) ? `_${result}` : result || "Api";
}

export function camelCase(text: string): string {
  const [first = "", ...rest] = words(text);
  const result = first.toLowerCase() + rest.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join("");
  return /^[0-9]/.test(result) ? `_${result}` : result || "operation";
}
