/** Hex digest over generator/** and the dependency files of the project at `repo`. */
export function generatorVersion(repo: string): string;
