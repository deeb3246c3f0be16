import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ProtectedTable,
  type Published,
  protectLinked,
  protectList,
  protectTable,
  protectValue,
} from './portal.disclosure.ts';

/** The grid of a protected table: cells with their row totals, then the column totals and the total. */
function grid(t: ProtectedTable): Published[][] {
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i]!]), [...t.colTotals, t.total]];
}

function sums(values: number[][]): number[][] {
  const rows = values.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const cols = (values[0] ?? []).map((_, j) => values.reduce((a, r) => a + r[j]!, 0));
  return [...rows, [...cols, cols.reduce((a, b) => a + b, 0)]];
}

const P = 1_000_003;
const mod = (x: number) => ((x % P) + P) % P;
function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}
/** Rank over GF(p); exact here because line-sum systems are totally unimodular. */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => row.map(mod));
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && row[c] !== 0);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    const inv = inverse(m[r]![c]!);
    m[r] = m[r]!.map((x) => mod(x * inv));
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((x, k) => mod(x - f * m[r]![k]!));
    }
    r++;
  }
  return r;
}

/**
 * Suppressed figures an intruder could compute exactly from everything published, by solving
 * all the row and column equations together (independent of how the suppression chose them).
 */
function derivable(published: Published[][]): [number, number][] {
  const unknowns: [number, number][] = [];
  published.forEach((row, i) => {
    row.forEach((p, j) => {
      if (p.suppressed) unknowns.push([i, j]);
    });
  });
  if (unknowns.length === 0) return [];
  const R = published.length;
  const C = published[0]!.length;
  const equations: number[][] = [];
  for (let i = 0; i < R; i++) {
    equations.push(unknowns.map(([a, b]) => (a === i ? (b === C - 1 ? -1 : 1) : 0)));
  }
  for (let j = 0; j < C; j++) {
    equations.push(unknowns.map(([a, b]) => (b === j ? (a === R - 1 ? -1 : 1) : 0)));
  }
  const base = rank(equations);
  return unknowns.filter((_, k) => rank([...equations, unknowns.map((_, x) => (x === k ? 1 : 0))]) === base);
}

const count = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 9 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 400 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) =>
    fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );
const threshold = fc.integer({ min: 2, max: 11 });

describe('protectTable', () => {
  it('hides a small cell and the next smallest of its row and column, so totals cannot give it away', () => {
    const t = protectTable([
      [3, 20, 40],
      [12, 30, 50],
      [15, 25, 60],
    ]);
    expect(t.cells[0]![0]).toEqual({ value: null, suppressed: true });
    // Row 1's complement is its next smallest cell (20); column 1's is 12; and the cycle closes at 30.
    expect(t.cells[0]![1]!.suppressed).toBe(true);
    expect(t.cells[1]![0]!.suppressed).toBe(true);
    expect(t.cells[1]![1]!.suppressed).toBe(true);
    expect(t.cells[2]!.every((c) => !c.suppressed)).toBe(true);
    expect(t.rowTotals.every((c) => !c.suppressed)).toBe(true);
    expect(t.total).toEqual({ value: 255, suppressed: false });
  });

  it('publishes zeros and large figures untouched', () => {
    const t = protectTable([
      [0, 10],
      [7, 0],
    ]);
    expect(grid(t).flat()).toEqual(
      sums([
        [0, 10],
        [7, 0],
      ])
        .flat()
        .map((value) => ({ value, suppressed: false })),
    );
  });

  it('hides a small total, and the cells of its line with it', () => {
    const t = protectTable([
      [2, 1, 0],
      [40, 50, 60],
    ]);
    expect(t.rowTotals[0]!.suppressed).toBe(true);
    expect(t.cells[0]![0]!.suppressed && t.cells[0]![1]!.suppressed).toBe(true);
    expect(t.cells[0]![2]).toEqual({ value: 0, suppressed: false });
  });

  it('a higher threshold hides more', () => {
    const values = [
      [6, 30],
      [40, 50],
    ];
    expect(protectTable(values).cells[0]![0]!.suppressed).toBe(false);
    expect(protectTable(values, { threshold: 10 }).cells[0]![0]!.suppressed).toBe(true);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => protectTable([[-1]])).toThrow(/whole number/);
    expect(() => protectTable([[1.5]])).toThrow(/whole number/);
    expect(() => protectTable([[1, 2], [3]])).toThrow(/same number/);
  });

  it('property: no published figure is between 1 and threshold − 1, and published figures are the true ones', () => {
    fc.assert(
      fc.property(table, threshold, (values, th) => {
        const published = grid(protectTable(values, { threshold: th })).flat();
        const truth = sums(values).flat();
        published.forEach((p, k) => {
          if (!p.suppressed) {
            expect(p.value).toBe(truth[k]);
            expect(p.value === 0 || p.value >= th).toBe(true);
          } else {
            expect(truth[k]).toBeGreaterThan(0); // zeros are never hidden
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('property: no hidden cell follows from a published total and the other published cells of its line', () => {
    fc.assert(
      fc.property(table, threshold, (values, th) => {
        const g = grid(protectTable(values, { threshold: th }));
        const truth = sums(values);
        const lines = [
          ...g.map((row, i) => ({ cells: row, truths: truth[i]! })),
          ...g[0]!.map((_, j) => ({ cells: g.map((row) => row[j]!), truths: truth.map((row) => row[j]!) })),
        ];
        for (const { cells, truths } of lines) {
          const total = cells[cells.length - 1]!;
          const inner = cells.slice(0, -1);
          const hiddenIdx = inner.flatMap((c, k) => (c.suppressed ? [k] : []));
          if (total.suppressed || hiddenIdx.length === 0) continue;
          expect(hiddenIdx.length).toBeGreaterThanOrEqual(2);
          // What the line gives away is only the sum of its hidden cells, and it is not small.
          expect(hiddenIdx.reduce((a, k) => a + truths[k]!, 0)).toBeGreaterThanOrEqual(th);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: no hidden figure can be solved from all the published ones together', () => {
    fc.assert(
      fc.property(table, threshold, (values, th) => {
        expect(derivable(grid(protectTable(values, { threshold: th })))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the independent check does find a figure left exposed (so the property can fail)', () => {
    const exposed: Published[][] = sums([
      [3, 20],
      [12, 30],
    ]).map((row) => row.map((value) => ({ value, suppressed: false }) as Published));
    exposed[0]![0] = { value: null, suppressed: true };
    expect(derivable(exposed)).toEqual([[0, 0]]);
  });
});

describe('protectList and protectValue', () => {
  it('a list hides small counts and one more, so the total does not give them away', () => {
    const l = protectList([3, 40, 12, 9]);
    expect(l.cells.map((c) => c.suppressed)).toEqual([true, false, false, true]);
    expect(l.total).toEqual({ value: 64, suppressed: false });
  });

  it('property: in a list, hidden counts come at least two at a time and hide at least the threshold', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), threshold, (values, th) => {
        const l = protectList(values, { threshold: th });
        const hiddenIdx = l.cells.flatMap((c, k) => (c.suppressed ? [k] : []));
        for (const c of [...l.cells, l.total])
          if (!c.suppressed) expect(c.value === 0 || c.value >= th).toBe(true);
        if (!l.total.suppressed && hiddenIdx.length > 0) {
          expect(hiddenIdx.length).toBeGreaterThanOrEqual(2);
          expect(hiddenIdx.reduce((a, k) => a + values[k]!, 0)).toBeGreaterThanOrEqual(th);
        }
      }),
    );
  });

  it('a single figure under the threshold is suppressed', () => {
    expect(protectValue(4)).toEqual({ value: null, suppressed: true });
    expect(protectValue(0)).toEqual({ value: 0, suppressed: false });
    expect(protectValue(5)).toEqual({ value: 5, suppressed: false });
    expect(protectValue(9, 10).suppressed).toBe(true);
  });
});

describe('protectLinked', () => {
  it('property: figures the two tables share are hidden in both or in neither, and each table is safe', () => {
    const pair = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([r, k, c]) =>
        fc.tuple(
          fc.array(fc.array(count, { minLength: k, maxLength: k }), { minLength: r, maxLength: r }),
          fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: k, maxLength: k }),
        ),
      )
      // The second table breaks down the first one's column totals, so they must add up the same.
      .map(([a, b]) => {
        const colTotals = a[0]!.map((_, j) => a.reduce((s, row) => s + row[j]!, 0));
        const fitted = b.map((row, k) => {
          const out = row.map(() => 0);
          let left = colTotals[k]!;
          row.forEach((w, x) => {
            const take = x === row.length - 1 ? left : Math.min(left, w);
            out[x] = take;
            left -= take;
          });
          return out;
        });
        return [a, fitted] as const;
      });
    fc.assert(
      fc.property(pair, threshold, ([a, b], th) => {
        const { a: pa, b: pb } = protectLinked(a, b, th);
        expect(pa.colTotals.map((x) => x.suppressed)).toEqual(pb.rowTotals.map((x) => x.suppressed));
        expect(pa.total.suppressed).toBe(pb.total.suppressed);
        expect(derivable(grid(pa))).toEqual([]);
        expect(derivable(grid(pb))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
