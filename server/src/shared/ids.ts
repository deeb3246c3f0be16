import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

// Random bytes drawn 4 KiB at a time: one call per id costs more than the id (bulk imports make millions).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function random(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

/** The two ASCII hex digits of every byte value, side by side. */
const HEX = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  const digits = b.toString(16).padStart(2, '0');
  HEX[2 * b] = digits.charCodeAt(0);
  HEX[2 * b + 1] = digits.charCodeAt(1);
}

// Each id is written as ASCII into this buffer and read out as one flat string: joining 21 short
// strings made a rope the engine had to flatten later, and cost several times more (bulk imports
// make hundreds of thousands of ids at once).
const text = Buffer.alloc(36, '-');
function put(at: number, byte: number) {
  text[at] = HEX[2 * byte]!;
  text[at + 1] = HEX[2 * byte + 1]!;
}

/** UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of the index. */
export function uuidv7(now = Date.now()): string {
  // A 12-bit counter keeps ids monotonic within one millisecond.
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    const r = random(2);
    seq = ((r[0]! << 8) | r[1]!) & 0x7ff;
  }
  const r = random(8);
  const high = Math.floor(now / 0x1000000);
  const low = now % 0x1000000;
  put(0, (high >>> 16) & 0xff);
  put(2, (high >>> 8) & 0xff);
  put(4, high & 0xff);
  put(6, (low >>> 16) & 0xff);
  // 8: '-'
  put(9, (low >>> 8) & 0xff);
  put(11, low & 0xff);
  // 13: '-'
  put(14, 0x70 | (seq >> 8));
  put(16, seq & 0xff);
  // 18: '-'
  put(19, (r[0]! & 0x3f) | 0x80);
  put(21, r[1]!);
  // 23: '-'
  put(24, r[2]!);
  put(26, r[3]!);
  put(28, r[4]!);
  put(30, r[5]!);
  put(32, r[6]!);
  put(34, r[7]!);
  return text.toString('latin1', 0, 36);
}
