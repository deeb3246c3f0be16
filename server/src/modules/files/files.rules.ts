import type { StoredMediaType } from '@oselia/contracts';

/** The first bytes of each accepted kind of file. */
const SIGNATURES: { type: StoredMediaType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** What a file is, told by its content (never its name or declared type); null when not accepted. */
export function detectMediaType(bytes: Uint8Array): StoredMediaType | null {
  for (const s of SIGNATURES) {
    if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => bytes[i] === b)) return s.type;
  }
  return null;
}

export const EXTENSION: Record<StoredMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/**
 * A file name safe to keep and to show: the last path part only, no control characters or
 * characters that mean something to a shell, a header or a file system; at most 120 characters;
 * the extension follows the real type.
 */
export function sanitiseFileName(name: string, type: StoredMediaType): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const stem = last
    .replace(/\.[^.]*$/, '')
    .replace(/[\p{Cc}\p{Cf}"'`<>:|?*;%$&{}[\]^~=#]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${stem || 'file'}.${EXTENSION[type]}`;
}

/** Human-readable size for messages (10 MB, 512 KB). */
export function describeBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
