/** Helpers shared by the dedup benchmark scripts: seeded random numbers, CSV writing, argument parsing. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Small fast deterministic generator (sfc32), seeded from an integer. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[this.int(arr.length)]!;
  }
}

/** Sampler over items with Zipf-like weights 1/(rank+offset)^s. */
export class ZipfSampler<T> {
  private readonly cdf: Float64Array;
  constructor(
    readonly items: readonly T[],
    s: number,
    offset = 1,
  ) {
    this.cdf = new Float64Array(items.length);
    let acc = 0;
    for (let r = 0; r < items.length; r++) {
      acc += 1 / (r + offset) ** s;
      this.cdf[r] = acc;
    }
    for (let r = 0; r < items.length; r++) this.cdf[r]! /= acc;
  }
  sample(rng: Rng): T {
    const x = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Buffered CSV writer. */
export class CsvWriter {
  private readonly stream;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path);
  }
  async row(fields: readonly string[]): Promise<void> {
    const line = `${fields.map(csvField).join(',')}\n`;
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = 'true';
    else {
      out[a.slice(2)] = next;
      i++;
    }
  }
  return out;
}

export const PERSON_HEADER = [
  'id',
  'family_name',
  'given_name',
  'patronymic',
  'sex',
  'birth_date',
  'phone',
  'tax_id',
  'oblast_pcode',
  'true_id',
];

export const OBLASTS = words(
  'UA05 UA07 UA12 UA14 UA18 UA21 UA23 UA26 UA32 UA35 UA44 UA46 UA48 UA51 UA53 UA56 UA59 UA61 UA63 UA65 UA68 UA71 UA73 UA74 UA80',
);

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDate(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysIn(y: number, m: number): number {
  return [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][m - 1]!;
}
