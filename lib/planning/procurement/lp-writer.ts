/** A linear expression: [column name, coefficient] pairs. */
export type Terms = [string, number][];

function expression(terms: Terms): string {
  const parts = terms.map(([name, k], i) => `${k < 0 ? "- " : i === 0 ? "" : "+ "}${String(Math.abs(k))} ${name}`);
  // Short lines: some LP readers cap a line's length; a linear expression may continue on the next line.
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(" "));
  return lines.join("\n   ");
}

/** Writes a minimization in CPLEX LP format. */
export class LpWriter {
  private readonly obj: Terms = [];
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly generals: string[] = [];
  nonzeros = 0;
  /** Right-hand side of each row, in row order. */
  readonly rhs: number[] = [];

  get integerCount(): number {
    return this.generals.length;
  }

  objective(name: string, cost: number): void {
    if (cost !== 0) this.obj.push([name, cost]);
  }

  bound(name: string, lower: number, upper: number, integer: boolean): void {
    this.bounds.push(Number.isFinite(upper) ? ` ${lower} <= ${name} <= ${upper}` : ` ${name} >= ${lower}`);
    if (integer) this.generals.push(name);
  }

  row(name: string, terms: Terms, op: "<=" | ">=" | "=", rhs: number): void {
    const live = terms.filter(([, k]) => k !== 0);
    this.nonzeros += live.length;
    this.rhs.push(rhs);
    this.rows.push(` ${name}: ${live.length === 0 ? "0 zero" : expression(live)} ${op} ${String(rhs)}`);
  }

  text(): string {
    const out = ["Minimize", ` obj: ${this.obj.length === 0 ? "0 zero" : expression(this.obj)}`, "Subject To", ...this.rows, "Bounds", ...this.bounds];
    if (this.generals.length > 0) out.push("Generals", ...this.generals.map((g) => ` ${g}`));
    out.push("End", "");
    return out.join("\n");
  }
}
