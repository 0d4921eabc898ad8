// The one TypeScript compiler a full run loads: the copy ts-morph ships (bundle.mjs sends every
// `typescript` import to it; launcher.mjs keeps its code cache on Node 20). Plain JavaScript: both
// load it before anything is bundled.
export const COMPILER = "@ts-morph/common/dist/typescript.js";
