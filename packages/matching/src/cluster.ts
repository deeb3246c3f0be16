/**
 * Clustering of automatic links: connected components by union–find, processing the strongest links
 * first and guarded against giant clusters. A link that would make a cluster larger than the cap is
 * refused (sent for review), and a cluster whose members are only thinly linked to each other (a chain
 * of barely-above-threshold links) is rebuilt from its strongest links only.
 */

export class UnionFind {
  readonly parent: Int32Array;
  readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
}

export interface ClusterOptions {
  /** Largest cluster made automatically. */
  maxClusterSize?: number;
  /** Clusters of at least `densityCheckFrom` records need this share of their pairs linked. */
  minDensity?: number;
  densityCheckFrom?: number;
  /** Extra weight a link needs to survive in a thin cluster. */
  thinClusterMargin?: number;
}

export interface ClusterResult {
  /** Cluster representative (a record index) of every record. */
  clusterOf: Int32Array;
  /** Indices (into the link arrays) of links refused by the guards. */
  refused: number[];
}

/**
 * Clusters n records given automatic links (a[k], b[k]) with weights w[k].
 */
export function clusterLinks(
  n: number,
  a: Int32Array,
  b: Int32Array,
  w: Float32Array,
  opts: ClusterOptions = {},
): ClusterResult {
  const cap = opts.maxClusterSize ?? 12;
  const minDensity = opts.minDensity ?? 0.4;
  const from = opts.densityCheckFrom ?? 4;
  const margin = opts.thinClusterMargin ?? 4;
  const order = Array.from({ length: a.length }, (_, k) => k).sort((x, y) => w[y]! - w[x]! || x - y);
  const refused: number[] = [];
  let uf = new UnionFind(n);
  const accepted: number[] = [];
  for (const k of order) {
    const ra = uf.find(a[k]!);
    const rb = uf.find(b[k]!);
    if (ra === rb) {
      accepted.push(k);
      continue;
    }
    if (uf.size[ra]! + uf.size[rb]! > cap) {
      refused.push(k);
      continue;
    }
    uf.union(ra, rb);
    accepted.push(k);
  }
  // Density check: links per component.
  const linksIn = new Map<number, number>();
  for (const k of accepted) {
    const r = uf.find(a[k]!);
    linksIn.set(r, (linksIn.get(r) ?? 0) + 1);
  }
  const thin = new Set<number>();
  for (const [r, e] of linksIn) {
    const s = uf.size[r]!;
    if (s >= from && e / ((s * (s - 1)) / 2) < minDensity) thin.add(r);
  }
  if (thin.size > 0) {
    const best = new Map<number, number>();
    for (const k of accepted) {
      const r = uf.find(a[k]!);
      if (thin.has(r)) best.set(r, Math.max(best.get(r) ?? Number.NEGATIVE_INFINITY, w[k]!));
    }
    const keep: number[] = [];
    for (const k of accepted) {
      const r = uf.find(a[k]!);
      if (!thin.has(r) || w[k]! >= best.get(r)! - margin) keep.push(k);
      else refused.push(k);
    }
    uf = new UnionFind(n);
    for (const k of keep) uf.union(a[k]!, b[k]!);
  }
  const clusterOf = new Int32Array(n);
  for (let i = 0; i < n; i++) clusterOf[i] = uf.find(i);
  return { clusterOf, refused };
}
