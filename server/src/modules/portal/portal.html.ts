/**
 * HTML for the public pages, built with one tagged template that escapes every interpolation.
 *
 *   html`<h1>${title}</h1><a href="${safeHref(url)}">${label}</a>`
 *
 * - A string, number or bigint is escaped (`& < > " ' \``), so it is safe as element text and inside a
 *   quoted attribute value. Never interpolate into `<script>`, `<style>`, an unquoted attribute or an
 *   event-handler attribute: escaping does not make those safe (the pages have no scripts at all).
 * - An `Html` value (the result of `html```, or `raw()`) is inserted as it is: that is how fragments nest.
 * - An array inserts each item by the same rules; `null`, `undefined`, `false` and `true` insert
 *   nothing, so `${cond && html`…`}` works.
 * - A URL from data goes through `safeHref`, which keeps http(s), mailto, tel and same-site
 *   addresses and turns anything else (`javascript:`, `data:`, …) into `#`.
 *
 * `raw()` is for trusted fragments only: markup this code produced (the Markdown renderer's output,
 * an inline SVG built from numbers), never text that came from a request or the database.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type Interpolation =
  | Html
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  // Anything else the types let through (they do not) is shown as escaped text, never as markup.
  return escapeHtml(String(value));
}

/** The tagged template: literal parts as written, every interpolation escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** A trusted fragment, inserted unescaped. Only for markup this code produced itself. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Fragments joined with a separator (itself escaped unless `Html`). */
export function joinHtml(items: readonly Interpolation[], separator: Interpolation = ''): Html {
  return new Html(items.map(render).join(render(separator)));
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A link target that cannot run code: same-site paths (`/…`, `#…`, `?…`, relative words) and
 * http(s), mailto and tel addresses pass; `javascript:`, `vbscript:`, `data:` and anything else with
 * a scheme becomes `#`. Control characters and spaces browsers ignore inside a scheme are seen
 * through (`java\tscript:`), so they cannot hide one.
 */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  // Browsers drop tabs and newlines anywhere in a URL and ignore leading control characters.
  const seen = [...trimmed].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  if (seen === '') return '#';
  // Scheme-relative (`//host`, and `/\host`, which browsers read the same): another site.
  if (/^[/\\]{2}/.test(seen)) return '#';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(seen);
  if (!scheme) return /[:\\]/.test(seen.split(/[/?#]/)[0] ?? '') ? '#' : trimmed;
  return SAFE_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`) ? trimmed : '#';
}
