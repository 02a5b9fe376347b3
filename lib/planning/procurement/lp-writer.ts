/** A linear expression: [column name, coefficient] pairs. */
export type Terms = [string, number][];

export type ArrayModel = {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  integer: Uint8Array;
  /** CSR. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
};

function expression(terms: Terms): string {
  const parts = terms.map(([name, k], i) => `${k < 0 ? "- " : i === 0 ? "" : "+ "}${String(Math.abs(k))} ${name}`);
  // Short lines: some LP readers cap a line's length; a linear expression may continue on the next line.
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(" "));
  return lines.join("\n   ");
}

/**
 * Collects a minimization and writes it as CPLEX LP text (to read, export, test) or as arrays (what the solver
 * is given: the same model without parsing megabytes of text). A column is created when first named,
 * continuous in [0, ∞) with cost 0, as in LP format.
 */
export class LpWriter {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integral: boolean[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowOp: ("<=" | ">=" | "=")[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowIndices: number[] = [];
  private readonly rowValues: number[] = [];
  /** Right-hand side of each row, in row order. */
  readonly rhs: number[] = [];

  get integerCount(): number {
    return this.integral.filter(Boolean).length;
  }

  get nonzeros(): number {
    return this.rowIndices.length;
  }

  col(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
      this.cost.push(0);
      this.lower.push(0);
      this.upper.push(Infinity);
      this.integral.push(false);
    }
    return i;
  }

  objective(name: string, cost: number): void {
    this.cost[this.col(name)] = cost;
  }

  bound(name: string, lower: number, upper: number, integer: boolean): void {
    const i = this.col(name);
    this.lower[i] = lower;
    this.upper[i] = upper;
    this.integral[i] = integer;
  }

  row(name: string, terms: Terms, op: "<=" | ">=" | "=", rhs: number): void {
    for (const [c, k] of terms) {
      if (k === 0) continue;
      this.rowIndices.push(this.col(c));
      this.rowValues.push(k);
    }
    this.rowStarts.push(this.rowIndices.length);
    this.rowNames.push(name);
    this.rowOp.push(op);
    this.rhs.push(rhs);
  }

  arrays(): ArrayModel {
    const numRows = this.rowNames.length;
    return {
      numCols: this.names.length,
      numRows,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.rhs, (r, i) => (this.rowOp[i] === "<=" ? -Infinity : r)),
      rowUpper: Float64Array.from(this.rhs, (r, i) => (this.rowOp[i] === ">=" ? Infinity : r)),
      integer: Uint8Array.from(this.integral, (b) => (b ? 1 : 0)),
      starts: Int32Array.from(this.rowStarts),
      indices: Int32Array.from(this.rowIndices),
      values: Float64Array.from(this.rowValues),
    };
  }

  columnIndex(name: string): number | undefined {
    return this.index.get(name);
  }

  text(): string {
    const obj: Terms = this.names.flatMap((n, i): Terms => ((this.cost[i] ?? 0) !== 0 ? [[n, this.cost[i] ?? 0]] : []));
    const rows = this.rowNames.map((name, r) => {
      const terms: Terms = [];
      for (let k = this.rowStarts[r] ?? 0; k < (this.rowStarts[r + 1] ?? 0); k++)
        terms.push([this.names[this.rowIndices[k] ?? 0] ?? "", this.rowValues[k] ?? 0]);
      return ` ${name}: ${terms.length === 0 ? "0 zero" : expression(terms)} ${this.rowOp[r] ?? "="} ${String(this.rhs[r] ?? 0)}`;
    });
    const bounds = this.names.map((n, i) => {
      const up = this.upper[i] ?? Infinity;
      return Number.isFinite(up) ? ` ${this.lower[i] ?? 0} <= ${n} <= ${up}` : ` ${n} >= ${this.lower[i] ?? 0}`;
    });
    const generals = this.names.filter((_, i) => this.integral[i]);
    const out = ["Minimize", ` obj: ${obj.length === 0 ? "0 zero" : expression(obj)}`, "Subject To", ...rows, "Bounds", ...bounds];
    if (generals.length > 0) out.push("Generals", ...generals.map((g) => ` ${g}`));
    out.push("End", "");
    return out.join("\n");
  }
}
