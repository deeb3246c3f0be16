/**
 * One value kept in memory for a while and then let go, so that something large made for the next
 * step (a parsed file, its checked rows) does not stay for ever when that step never comes.
 */
export function keptValue<T>(ms: number) {
  let value: T | null = null;
  let timer: NodeJS.Timeout | undefined;
  return {
    get: (): T | null => value,
    set(next: T | null) {
      value = next;
      clearTimeout(timer);
      if (next === null) return;
      timer = setTimeout(() => {
        value = null;
      }, ms);
      timer.unref?.();
    },
  };
}
