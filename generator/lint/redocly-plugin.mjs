// The project's lint rules for the real Redocly CLI (`npx redocly lint`, the editor extension),
// registered in redocly.yaml under `plugins:`. Redocly loads plugins as JavaScript; the rules are
// TypeScript, so this file registers tsx's loader and loads them. The generator does not come
// through here: it passes the same rules to Redocly as an object (generator/load/project.ts).
import { register } from "tsx/esm/api";

register();
const { payspecPluginModule } = await import("./plugin.ts");

export default payspecPluginModule;
