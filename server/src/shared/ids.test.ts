import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('is a version 7 UUID of the RFC 9562 variant carrying the time in milliseconds', () => {
    // Later than any id made before in this worker: ids never go back in time, even when asked to.
    const now = Date.now() + 1000;
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    // An earlier time keeps the last one, so the next id still sorts after.
    const next = uuidv7(now - 5000);
    expect(Number.parseInt(next.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    expect(next > id).toBe(true);
  });

  it('keeps ids in order, also many within one millisecond, and never repeats one', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
