import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptValue } from './kept-value.ts';

afterEach(() => vi.useRealTimers());

describe('keptValue', () => {
  it('keeps a value until it is replaced, cleared, or its time is up', () => {
    vi.useFakeTimers();
    const kept = keptValue<string>(1000);
    expect(kept.get()).toBeNull();
    kept.set('a');
    vi.advanceTimersByTime(600);
    // Setting again starts the time again.
    kept.set('b');
    vi.advanceTimersByTime(600);
    expect(kept.get()).toBe('b');
    vi.advanceTimersByTime(400);
    expect(kept.get()).toBeNull();
    kept.set('c');
    kept.set(null);
    expect(kept.get()).toBeNull();
  });
});
