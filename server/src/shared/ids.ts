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

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
  // Written straight from the numbers and random bytes to hex: bulk imports make millions of ids.
  const r = random(8);
  const high = Math.floor(now / 0x1000000);
  const low = now % 0x1000000;
  return (
    HEX[(high >>> 16) & 0xff]! +
    HEX[(high >>> 8) & 0xff]! +
    HEX[high & 0xff]! +
    HEX[(low >>> 16) & 0xff]! +
    '-' +
    HEX[(low >>> 8) & 0xff]! +
    HEX[low & 0xff]! +
    '-' +
    HEX[0x70 | (seq >> 8)]! +
    HEX[seq & 0xff]! +
    '-' +
    HEX[(r[0]! & 0x3f) | 0x80]! +
    HEX[r[1]!]! +
    '-' +
    HEX[r[2]!]! +
    HEX[r[3]!]! +
    HEX[r[4]!]! +
    HEX[r[5]!]! +
    HEX[r[6]!]! +
    HEX[r[7]!]!
  );
}
