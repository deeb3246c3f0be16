import { useCallback, useEffect, useRef, useState } from 'react';

interface Stored<T> {
  savedAt: string;
  value: T;
}

function read<T>(key: string): Stored<T> | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const parsed = JSON.parse(text) as Stored<T>;
    return parsed && typeof parsed === 'object' && 'value' in parsed ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Form state that is also written to localStorage as it changes (a short moment after the last
 * keystroke), so a closed tab, a flat battery or a lost connection loses nothing. `restoredAt`
 * says when a restored draft was saved; `clear` forgets it after a successful submit.
 */
export function useDraft<T>(key: string, initial: () => T) {
  const [restored] = useState(() => read<T>(key));
  const [value, setValue] = useState<T>(() => restored?.value ?? initial());
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null);
  const skipNext = useRef(false);

  useEffect(() => {
    if (skipNext.current) {
      skipNext.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
      } catch {
        // Storage full or disabled: the form still works, only without the safety net.
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [key, value]);

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to forget.
    }
    setRestoredAt(null);
  }, [key]);

  /** Forget the draft and start from an empty form. */
  const discard = useCallback(() => {
    clear();
    skipNext.current = true;
    setValue(initial());
  }, [clear, initial]);

  return { value, setValue, restoredAt, clear, discard };
}

export const DRAFT_PREFIX = 'oselia.people.draft.';

/**
 * Drafts hold personal data: signing out on purpose removes them from this device (an expired
 * session does not, so an officer who signs in again finds the form as it was).
 */
export function forgetAllDrafts() {
  for (let i = window.localStorage.length - 1; i >= 0; i--) {
    const key = window.localStorage.key(i);
    if (key?.startsWith(DRAFT_PREFIX)) window.localStorage.removeItem(key);
  }
}
