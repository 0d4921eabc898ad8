// `payspec/mock`: mock servers of the providers this package ships, for a merchant's own tests.
// Needs Prism (@stoplight/prism-cli 5.14.x) installed beside the package; the clients do not.
export type { AnswerChoice } from "./answers.js";
export { connectMocks, type MockControl, type MockInfo } from "./connect.js";
export { type MockedOperation, type MockedProvider, mockedProviders } from "./describe.js";
export { defaultSecret, MockStartError, type RunningMocks, type StartMocksOptions, startMocks } from "./mocks.js";
export { PRISM_RANGE, PrismNotInstalledError } from "./prism-process.js";
export { type MockSpec, shippedSpecs } from "./specs.js";
export {
  type BuildWebhookOptions,
  type BuiltWebhook,
  type SendWebhookOptions,
  type SentWebhook,
  sendWebhook,
} from "./webhooks.js";
