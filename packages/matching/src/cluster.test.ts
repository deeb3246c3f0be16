import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterLinks, UnionFind } from './cluster.ts';

function components(n: number, edges: Array<[number, number]>): number[] {
  const uf = new UnionFind(n);
  for (const [a, b] of edges) uf.union(a, b);
  return Array.from({ length: n }, (_, i) => uf.find(i));
}

const edgeList = (n: number) =>
  fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.double({ min: 0, max: 30, noNaN: true }),
    ),
    { maxLength: 60 },
  );

describe('clusterLinks', () => {
  it('gives connected components when no guard applies', () => {
    const a = Int32Array.of(0, 1, 3);
    const b = Int32Array.of(1, 2, 4);
    const w = Float32Array.of(10, 10, 10);
    const { clusterOf, refused } = clusterLinks(6, a, b, w, { minDensity: 0 });
    expect(refused).toEqual([]);
    expect(clusterOf[0]).toBe(clusterOf[2]);
    expect(clusterOf[3]).toBe(clusterOf[4]);
    expect(clusterOf[0]).not.toBe(clusterOf[3]);
    expect(clusterOf[5]).toBe(5);
  });

  it('refuses the weakest link that would make a giant cluster', () => {
    // a chain of 5 records with cap 3: the weakest links are refused
    const a = Int32Array.of(0, 1, 2, 3);
    const b = Int32Array.of(1, 2, 3, 4);
    const w = Float32Array.of(20, 8, 19, 18);
    const { clusterOf, refused } = clusterLinks(5, a, b, w, { maxClusterSize: 3, minDensity: 0 });
    expect(refused).toContain(1);
    expect(clusterOf[0]).toBe(clusterOf[1]);
    expect(clusterOf[1]).not.toBe(clusterOf[2]);
  });

  it('splits a thin chain, keeping its strong links', () => {
    const a = Int32Array.of(0, 1, 2, 3, 4);
    const b = Int32Array.of(1, 2, 3, 4, 5);
    const w = Float32Array.of(20, 20, 6, 20, 20);
    const { clusterOf, refused } = clusterLinks(6, a, b, w, { minDensity: 0.5, thinClusterMargin: 4 });
    expect(refused).toEqual([2]);
    expect(new Set(clusterOf).size).toBe(2);
  });

  it('never exceeds the cap and never joins records that no link connects (property)', () => {
    fc.assert(
      fc.property(edgeList(20), fc.integer({ min: 2, max: 8 }), (edges, cap) => {
        const a = Int32Array.from(edges, (e) => e[0]);
        const b = Int32Array.from(edges, (e) => e[1]);
        const w = Float32Array.from(edges, (e) => e[2]);
        const { clusterOf } = clusterLinks(20, a, b, w, { maxClusterSize: cap });
        const sizes = new Map<number, number>();
        for (const c of clusterOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
        for (const s of sizes.values()) expect(s).toBeLessThanOrEqual(cap);
        const comp = components(
          20,
          edges.map((e) => [e[0], e[1]]),
        );
        for (let i = 0; i < 20; i++)
          for (let j = 0; j < 20; j++) if (clusterOf[i] === clusterOf[j]) expect(comp[i]).toBe(comp[j]);
      }),
    );
  });

  it('equals connected components when the cap is large and density unchecked (property)', () => {
    fc.assert(
      fc.property(edgeList(15), (edges) => {
        const a = Int32Array.from(edges, (e) => e[0]);
        const b = Int32Array.from(edges, (e) => e[1]);
        const w = Float32Array.from(edges, (e) => e[2]);
        const { clusterOf } = clusterLinks(15, a, b, w, { maxClusterSize: 100, minDensity: 0 });
        const comp = components(
          15,
          edges.map((e) => [e[0], e[1]]),
        );
        for (let i = 0; i < 15; i++)
          for (let j = 0; j < 15; j++) expect(clusterOf[i] === clusterOf[j]).toBe(comp[i] === comp[j]);
      }),
    );
  });
});
