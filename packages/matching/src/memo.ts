/**
 * Remembers the answers of a pure function of a short string. Names repeat far more than people do
 * (a registry of a million has a few tens of thousands of distinct surnames), so normalising each
 * distinct name once saves most of the work of an import or a dedup run. The memory is bounded: when
 * full it starts again, and long inputs are not kept.
 */
export function memoiseByText<T>(fn: (text: string) => T, maxEntries = 50_000, maxLength = 80) {
  let seen = new Map<string, T>();
  return (text: string): T => {
    if (text.length > maxLength) return fn(text);
    const known = seen.get(text);
    if (known !== undefined) return known;
    const value = fn(text);
    if (seen.size >= maxEntries) seen = new Map();
    seen.set(text, value);
    return value;
  };
}
