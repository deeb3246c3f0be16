/**
 * Statistical disclosure control for every figure that leaves the staff area (public pages, CSV,
 * HXL). Pure: counts in, counts or "suppressed" out.
 *
 * A table is its cells with row totals, column totals and a grand total (all sums of the cells).
 * Together they form an (R+1)×(C+1) grid in which every row and column is one equation
 * (cells − total = 0). Rules, applied until nothing changes:
 *
 * 1. Primary: any figure from 1 to threshold − 1, cell or total, is suppressed. Zeros are
 *    published: they describe nobody.
 * 2. Line: where a line (row or column) with a published total has suppressed cells, there must be
 *    at least two of them and together they must hide at least `threshold` people; otherwise the
 *    smallest published non-zero cell of that line is suppressed too (if none is left, its total).
 *    So a total minus the published cells never gives one cell, nor a sum small enough to say
 *    that each hidden cell is tiny.
 * 3. Table: a suppressed cell that the whole system of published cells and totals would still pin
 *    down (in graph terms: a bridge between its row and its column) gets a cycle of complementary
 *    suppressions through the cheapest other row and column (non-zero cells only).
 *
 * Only non-zero figures are ever suppressed, so a reader cannot learn that hidden cells are zero.
 */

export type Published = { value: number; suppressed: false } | { value: null; suppressed: true };

export interface ProtectedTable {
  cells: Published[][];
  rowTotals: Published[];
  colTotals: Published[];
  total: Published;
}

export interface ProtectOptions {
  /** Smallest figure that may be shown (default 5). */
  threshold?: number;
  /** Totals that must be suppressed whatever this table says (they are hidden in a linked table). */
  forceRowTotals?: readonly boolean[];
  forceColTotals?: readonly boolean[];
  forceTotal?: boolean;
}

export const DEFAULT_THRESHOLD = 5;

const shown = (value: number): Published => ({ value, suppressed: false });
const hidden: Published = { value: null, suppressed: true };

function checkCounts(values: readonly (readonly number[])[]) {
  const width = values[0]?.length ?? 0;
  for (const row of values) {
    if (row.length !== width) throw new Error('every row of a table needs the same number of cells');
    for (const v of row) {
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`a count must be a whole number ≥ 0, not ${v}`);
    }
  }
}

/** The grid of cells and totals, and which of them are suppressed, for the rules to work on. */
class Grid {
  readonly v: number[][];
  readonly s: boolean[][];
  readonly rows: number;
  readonly cols: number;

  constructor(values: readonly (readonly number[])[]) {
    const r = values.length;
    const c = values[0]?.length ?? 0;
    this.rows = r + 1;
    this.cols = c + 1;
    this.v = Array.from({ length: r + 1 }, (_, i) =>
      Array.from({ length: c + 1 }, (_, j) => {
        if (i < r && j < c) return values[i]![j]!;
        if (i < r) return values[i]!.reduce((a, b) => a + b, 0);
        if (j < c) return values.reduce((a, row) => a + row[j]!, 0);
        return values.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
      }),
    );
    this.s = this.v.map((row) => row.map(() => false));
  }

  /** Cells of row i (line 'r') or column j (line 'c'), the last one being the line's total. */
  line(kind: 'r' | 'c', k: number): [number, number][] {
    return kind === 'r'
      ? Array.from({ length: this.cols }, (_, j) => [k, j] as [number, number])
      : Array.from({ length: this.rows }, (_, i) => [i, k] as [number, number]);
  }

  suppress(i: number, j: number): boolean {
    if (this.s[i]![j] || this.v[i]![j] === 0) return false;
    this.s[i]![j] = true;
    return true;
  }
}

function applyLineRule(g: Grid, threshold: number): boolean {
  let changed = false;
  const lines: ['r' | 'c', number][] = [
    ...Array.from({ length: g.rows }, (_, i) => ['r', i] as ['r', number]),
    ...Array.from({ length: g.cols }, (_, j) => ['c', j] as ['c', number]),
  ];
  for (const [kind, k] of lines) {
    for (;;) {
      const cells = g.line(kind, k);
      const [ti, tj] = cells[cells.length - 1]!;
      if (g.s[ti]![tj]) break; // the total is hidden: nothing to subtract from
      const inner = cells.slice(0, -1);
      const hiddenCells = inner.filter(([i, j]) => g.s[i]![j]);
      if (hiddenCells.length === 0) break;
      const hiddenSum = hiddenCells.reduce((a, [i, j]) => a + g.v[i]![j]!, 0);
      if (hiddenCells.length >= 2 && hiddenSum >= threshold) break;
      // Prefer a cell whose other line already hides something: that closes a cycle instead of
      // opening a new line that would need complements of its own.
      const crossing = ([i, j]: [number, number]) =>
        g.line(kind === 'r' ? 'c' : 'r', kind === 'r' ? j : i).some(([a, b]) => g.s[a]![b]) ? 0 : 1;
      const candidates = inner
        .filter(([i, j]) => !g.s[i]![j] && g.v[i]![j]! > 0)
        .sort((x, y) => crossing(x) - crossing(y) || g.v[x[0]]![x[1]]! - g.v[y[0]]![y[1]]!);
      const pick = candidates[0] ?? [ti, tj];
      g.suppress(pick[0], pick[1]);
      changed = true;
    }
  }
  return changed;
}

/** Rows and columns connected through suppressed cells, leaving one cell out. */
function connectedWithout(g: Grid, skip: [number, number]): (a: number, b: number) => boolean {
  // Nodes: rows 0..R (as 0..rows-1), columns as rows+j. Edges: suppressed cells.
  const n = g.rows + g.cols;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) {
      if (!g.s[i]![j] || (i === skip[0] && j === skip[1])) continue;
      parent[find(i)] = find(g.rows + j);
    }
  }
  return (a, b) => find(a) === find(b);
}

function applyTableRule(g: Grid): boolean {
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) {
      if (!g.s[i]![j]) continue;
      if (connectedWithout(g, [i, j])(i, g.rows + j)) continue;
      // A bridge: close a cycle i → j → i2 → j2 → i with the cheapest non-zero cells.
      let best: { cost: number; cells: [number, number][] } | null = null;
      for (let i2 = 0; i2 < g.rows; i2++) {
        if (i2 === i) continue;
        for (let j2 = 0; j2 < g.cols; j2++) {
          if (j2 === j) continue;
          const cells: [number, number][] = [
            [i, j2],
            [i2, j],
            [i2, j2],
          ];
          if (cells.some(([a, b]) => !g.s[a]![b] && g.v[a]![b] === 0)) continue;
          const added = cells.filter(([a, b]) => !g.s[a]![b]);
          const cost = added.reduce((sum, [a, b]) => sum + g.v[a]![b]!, 0) + added.length * 0.001;
          if (!best || cost < best.cost) best = { cost, cells };
        }
      }
      // Always found: the totals of a non-zero cell's row and column and the grand total are non-zero.
      for (const [a, b] of best!.cells) g.suppress(a, b);
      return true;
    }
  }
  return false;
}

/** Suppresses a table of counts (rows × columns) with its totals. */
export function protectTable(
  values: readonly (readonly number[])[],
  options: ProtectOptions = {},
): ProtectedTable {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new Error('the threshold must be a whole number ≥ 1');
  checkCounts(values);
  const g = new Grid(values);
  const R = g.rows - 1;
  const C = g.cols - 1;
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      const v = g.v[i]![j]!;
      if (v > 0 && v < threshold) g.s[i]![j] = true;
    }
  }
  options.forceRowTotals?.forEach((f, i) => {
    if (f && i < R) g.suppress(i, C);
  });
  options.forceColTotals?.forEach((f, j) => {
    if (f && j < C) g.suppress(R, j);
  });
  if (options.forceTotal) g.suppress(R, C);
  while (applyLineRule(g, threshold) || applyTableRule(g)) {
    // until stable: every rule only ever adds suppressions, so this ends
  }
  const out = (i: number, j: number) => (g.s[i]![j] ? hidden : shown(g.v[i]![j]!));
  return {
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => out(i, j))),
    rowTotals: Array.from({ length: R }, (_, i) => out(i, C)),
    colTotals: Array.from({ length: C }, (_, j) => out(R, j)),
    total: out(R, C),
  };
}

/** A list of counts with its total (one column). */
export function protectList(
  values: readonly number[],
  options: Omit<ProtectOptions, 'forceColTotals' | 'forceRowTotals'> & { force?: readonly boolean[] } = {},
): { cells: Published[]; total: Published } {
  const t = protectTable(
    values.map((v) => [v]),
    { threshold: options.threshold, forceRowTotals: options.force, forceTotal: options.forceTotal },
  );
  return { cells: t.cells.map((row) => row[0]!), total: t.total };
}

/** One figure on its own (it shares no total with anything published). */
export function protectValue(value: number, threshold = DEFAULT_THRESHOLD): Published {
  return value > 0 && value < threshold ? hidden : shown(value);
}

/**
 * Two tables that publish the same figures: the column totals of `a` are the row totals of `b`
 * (e.g. reach by oblast × programme, and by programme × sex and age), and their grand totals are
 * one figure. A figure hidden in one is hidden in both, and each table is protected again until
 * they agree.
 */
export function protectLinked(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
  threshold = DEFAULT_THRESHOLD,
): { a: ProtectedTable; b: ProtectedTable } {
  if (a.length > 0 && (a[0]?.length ?? 0) !== b.length) {
    throw new Error('the first table needs one column per row of the second');
  }
  let forceA: boolean[] = [];
  let forceTotal = false;
  for (;;) {
    const pa = protectTable(a, { threshold, forceColTotals: forceA, forceTotal });
    const pb = protectTable(b, {
      threshold,
      forceRowTotals: pa.colTotals.map((x) => x.suppressed),
      forceTotal: pa.total.suppressed,
    });
    const nextA = pb.rowTotals.map((x, k) => x.suppressed || (pa.colTotals[k]?.suppressed ?? false));
    const nextTotal = pb.total.suppressed || pa.total.suppressed;
    if (
      nextA.every((x, k) => x === (pa.colTotals[k]?.suppressed ?? false)) &&
      nextTotal === pa.total.suppressed
    ) {
      return { a: pa, b: pb };
    }
    forceA = nextA;
    forceTotal = nextTotal;
  }
}
