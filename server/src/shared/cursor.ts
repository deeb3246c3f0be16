import { AppError } from './app-error.ts';

/** Opaque keyset cursors: base64url of a JSON array of the last row's sort keys. */
export function encodeCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(keys) &&
      keys.length === arity &&
      keys.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return keys;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_REQUEST', 'invalid cursor');
}

/** Splits a page fetched with limit + 1 rows into items and the next cursor. */
export function pageFrom<T>(rows: T[], limit: number, keysOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor(keysOf(last)) : null };
}
