/** Where the files of an api and the shared runtime go, relative to the output folder. */
export interface Layout {
  apiDir(name: string): string;
  readonly runtimeDir: string;
  /** The runtime's index as imported from an api folder. */
  readonly runtimeImport: string;
  /** The runtime's webhook verifiers, imported only by an api with signed webhooks. */
  readonly webhookRuntimeImport: string;
}

/** generated/<api>/… with one shared generated/runtime/. */
export const PROJECT_LAYOUT: Layout = {
  apiDir: (name) => `${name}/`,
  runtimeDir: "runtime/",
  runtimeImport: "../runtime/index.js",
  webhookRuntimeImport: "../runtime/webhooks.js",
};

/** `--spec --out <dir>`: the api's files in <dir>, its runtime in <dir>/runtime/ (self-contained). */
export const SINGLE_LAYOUT: Layout = {
  apiDir: () => "",
  runtimeDir: "runtime/",
  runtimeImport: "./runtime/index.js",
  webhookRuntimeImport: "./runtime/webhooks.js",
};
