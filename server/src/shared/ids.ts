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

/** UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of the index. */
export function uuidv7(now = Date.now()): string {
  // A 12-bit counter keeps ids monotonic within one millisecond.
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    seq = random(2).readUInt16BE(0) & 0x7ff;
  }
  const b = Buffer.from(random(16));
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
