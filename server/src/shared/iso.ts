/**
 * A timestamp as the API sends it: ISO 8601 in UTC. The drivers give `Date` (node-postgres) or text
 * (PGlite, some casts); both come out the same.
 */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}
