/** One side of a comparison. */
export interface Measure {
  readonly label: string;
  /** The exact command or code measured. */
  readonly command: string;
  /** The median figure, in the row's unit; undefined when it failed. */
  readonly value?: number;
  readonly error?: string;
}

export type Unit = "ms" | "µs/call" | "B";

export interface Row {
  /** Benchmark number and name, e.g. "1 generate". */
  readonly bench: string;
  readonly what: string;
  readonly unit: Unit;
  readonly ours: Measure;
  /** The comparison peer (absent for absolute figures such as `npm test`). */
  readonly peer?: Measure;
  /** ours / peer, when both have figures. */
  readonly ratio?: number;
  /** e.g. "≤ 1.3×" or "≤ 4096 B". */
  readonly target?: string;
  /** Whether the target is met; undefined when there is no target or no figure. */
  readonly met?: boolean;
  readonly note?: string;
}

/** Builds a ratio row: ratio = ours / peer, met = ratio ≤ maxRatio. */
export function ratioRow(base: Omit<Row, "ratio" | "met" | "target">, maxRatio: number | undefined): Row {
  const a = base.ours.value;
  const b = base.peer?.value;
  const ratio = a !== undefined && b !== undefined && b > 0 ? a / b : undefined;
  const target = maxRatio === undefined ? undefined : maxRatio === 1 ? "≤ 1.0×" : `≤ ${maxRatio}×`;
  return {
    ...base,
    ...(ratio === undefined ? {} : { ratio }),
    ...(target === undefined ? {} : { target }),
    ...(ratio === undefined || maxRatio === undefined ? {} : { met: ratio <= maxRatio }),
  };
}

function figure(m: Measure | undefined, unit: Unit): string {
  if (m === undefined) return "";
  if (m.value === undefined) return "FAILED";
  const v = m.value;
  const text =
    unit === "ms"
      ? v >= 10_000
        ? `${(v / 1000).toFixed(1)} s`
        : `${Math.round(v)} ms`
      : unit === "B"
        ? `${Math.round(v)} B`
        : `${v.toFixed(1)} µs`;
  return text;
}

/** The results as a Markdown table, followed by the numbered commands behind each figure. */
export function renderTable(rows: readonly Row[]): string {
  const lines = ["| # | measurement | ours | peer | ratio | target | met |", "|---|---|---|---|---|---|---|"];
  const commands: string[] = [];
  const ref = (m: Measure) => {
    commands.push(
      `[${commands.length + 1}] ${m.label}: ${m.command}${m.error === undefined ? "" : `\n      FAILED: ${m.error}`}`,
    );
    return `[${commands.length}]`;
  };
  for (const row of rows) {
    const ours = `${row.ours.label} ${figure(row.ours, row.unit)} ${ref(row.ours)}`;
    const peer = row.peer === undefined ? "—" : `${row.peer.label} ${figure(row.peer, row.unit)} ${ref(row.peer)}`;
    const ratio = row.ratio === undefined ? "—" : `${row.ratio.toFixed(2)}×`;
    const met =
      row.met === undefined ? (row.ours.value === undefined ? "**failed**" : "—") : row.met ? "yes" : "**no**";
    lines.push(
      `| ${row.bench} | ${row.what}${row.note === undefined ? "" : ` (${row.note})`} | ${ours} | ${peer} | ${ratio} | ${row.target ?? "—"} | ${met} |`,
    );
  }
  return `${lines.join("\n")}\n\nCommands:\n${commands.map((c) => `  ${c}`).join("\n")}\n`;
}

/** Checks a row's figures are well-formed (used by the smoke test). */
export function rowProblems(row: Row): string[] {
  const problems: string[] = [];
  for (const m of [row.ours, ...(row.peer ? [row.peer] : [])]) {
    if (m.command.length === 0) problems.push(`${row.what}: ${m.label} has no command`);
    if (m.value === undefined) problems.push(`${row.what}: ${m.label} failed: ${m.error ?? "no figure"}`);
    else if (!Number.isFinite(m.value) || m.value <= 0) problems.push(`${row.what}: ${m.label} figure ${m.value}`);
  }
  if (row.ratio !== undefined && !(Number.isFinite(row.ratio) && row.ratio > 0))
    problems.push(`${row.what}: ratio ${row.ratio}`);
  return problems;
}

/** A Measure from an alternation result (its median, or its error). */
export function measured(
  label: string,
  command: string,
  result: { readonly median?: number; readonly error?: string } | undefined,
): Measure {
  return {
    label,
    command,
    ...(result?.median === undefined ? {} : { value: result.median }),
    ...(result?.error === undefined
      ? result?.median === undefined
        ? { error: "not run" }
        : {}
      : { error: result.error }),
  };
}
