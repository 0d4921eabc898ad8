// Development only (not shipped): the webhook test sender over the specs of a payspec checkout.
// Users get the same sender from `payspec/mock`, over the specs shipped in the package.
import type { ApiModel } from "../../generator/model/types.js";
import { projectSpecs } from "./project.js";
import { providerModel, sendWebhook as send, type SendWebhookOptions, type SentWebhook } from "../webhooks.js";

export { buildWebhook, type BuildWebhookOptions, type BuiltWebhook, type SentWebhook } from "../webhooks.js";

/** The model of one api of `dir`'s redocly.yaml, as the generator builds it. */
export async function loadApiModel(api: string, dir = process.cwd()): Promise<ApiModel> {
  return providerModel(api, await projectSpecs(dir));
}

/** sendWebhook of payspec/mock, with `api` an api of `dir`'s redocly.yaml (or its model). */
export async function sendWebhook(
  options: Omit<SendWebhookOptions, "provider" | "specs"> & { readonly api: string | ApiModel; readonly dir?: string },
): Promise<SentWebhook> {
  const { api, dir, ...rest } = options;
  return send({ ...rest, provider: typeof api === "string" ? await loadApiModel(api, dir) : api });
}
