/**
 * The text of an uncompressed PDF written by pdfkit, for tests: embedded fonts write glyph ids,
 * so each font's ToUnicode map turns them back into characters. One line per text operation.
 */
export function extractPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const cmaps = new Map<string, Map<string, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(m[2]!) ?? '';
    const ref = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    if (ref) cmaps.set(m[1]!, parseCmap(objects.get(ref) ?? ''));
  }
  const lines: string[] = [];
  let current = new Map<string, string>();
  for (const m of raw.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (m[1]) {
      current = cmaps.get(m[1]) ?? new Map();
      continue;
    }
    let text = '';
    for (const s of m[2]!.matchAll(/<([0-9a-fA-F]+)>/g)) {
      for (let i = 0; i < s[1]!.length; i += 4) {
        const glyph = s[1]!.slice(i, i + 4).toLowerCase();
        const u = current.get(glyph);
        text += u ?? '\ufffd';
      }
    }
    lines.push(text);
  }
  return lines.join('\n');
}

/** A ToUnicode target: UTF-16BE in hex, which a ligature writes as several units (`<0066 0069>`). */
function utf16(hex: string): string {
  const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  return bytes.swap16().toString('utf16le');
}

/** Glyph id (4 hex digits) to the text it stands for. */
function parseCmap(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const start = Number.parseInt(r[1]!, 16);
      // Every entry counts, a ligature's too: skipping one would shift all the glyphs after it.
      [...r[3]!.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((d, i) => {
        map.set((start + i).toString(16).padStart(4, '0'), utf16(d[1]!));
      });
    }
  }
  for (const block of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(c[1]!.toLowerCase().padStart(4, '0'), utf16(c[2]!));
  }
  return map;
}
