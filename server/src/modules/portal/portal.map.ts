import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from './portal.chrome.ts';
import type { Published } from './portal.disclosure.ts';
import { type Html, html, raw } from './portal.html.ts';

/** Boundaries file shipped in server/assets (see PROVENANCE.md there). */
export const OBLASTS_FILE = 'ukraine-oblasts.geojson';
export const MAP_CREDIT = 'OCHA / SSPE Kartographia, via HDX, CC BY-IGO 3.0';

export interface Oblast {
  pcode: string;
  name: Record<Lang, string>;
}

interface Shape extends Oblast {
  /** SVG path data in the map's own units. */
  d: string;
}

type Ring = [number, number][];

const WIDTH = 800;
const LAT0 = 48.5; // parallel of true scale: Ukraine's middle
const TOLERANCE = 0.7; // map units (≈ pixels at full width): finer detail than this is dropped

/** Douglas–Peucker simplification of one ring (first and last points kept). */
function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const dist =
        len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (dist > worst) {
        worst = dist;
        index = i;
      }
    }
    if (worst > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function loadShapes(file: string): { shapes: Shape[]; width: number; height: number } {
  const geo = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    features: {
      properties: { pcode: string; name_en: string; name_uk: string };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    }[];
  };
  const polygonsOf = (g: (typeof geo.features)[number]['geometry']) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
  const k = Math.cos((LAT0 * Math.PI) / 180);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const f of geo.features) {
    for (const poly of polygonsOf(f.geometry)) {
      for (const [lon, lat] of poly[0] ?? []) {
        minX = Math.min(minX, lon * k);
        maxX = Math.max(maxX, lon * k);
        minY = Math.min(minY, -lat);
        maxY = Math.max(maxY, -lat);
      }
    }
  }
  const scale = WIDTH / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale);
  const shapes = geo.features.map((f) => {
    const parts: string[] = [];
    for (const poly of polygonsOf(f.geometry)) {
      for (const ring of poly) {
        const projected = ring.map(([lon, lat]): [number, number] => [
          (lon * k - minX) * scale,
          (-lat - minY) * scale,
        ]);
        const simple = simplify(projected, TOLERANCE);
        if (simple.length < 4) continue; // an islet smaller than the tolerance
        let last = '';
        const coords: string[] = [];
        for (const [x, y] of simple) {
          const point = `${x.toFixed(1)} ${y.toFixed(1)}`;
          if (point !== last) coords.push(point);
          last = point;
        }
        parts.push(`M${coords.join('L')}Z`);
      }
    }
    return {
      pcode: f.properties.pcode,
      name: { uk: f.properties.name_uk, en: f.properties.name_en },
      d: parts.join(''),
    };
  });
  shapes.sort((a, b) => a.pcode.localeCompare(b.pcode));
  return { shapes, width: WIDTH, height };
}

let cache: { dir: string; value: ReturnType<typeof loadShapes> } | null = null;

/** The oblast shapes, projected and simplified once per process. */
export function oblastShapes(assetsDir: string) {
  if (!cache || cache.dir !== assetsDir)
    cache = { dir: assetsDir, value: loadShapes(path.join(assetsDir, OBLASTS_FILE)) };
  return cache.value;
}

/** The 27 oblast-level units with their names, in P-code order. */
export function oblastsOf(assetsDir: string): Oblast[] {
  return oblastShapes(assetsDir).shapes.map(({ pcode, name }) => ({ pcode, name }));
}

/** Colours from light to dark (each with text contrast handled by the legend, not on the map). */
export const MAP_COLOURS = ['#eef4fa', '#c6dbef', '#8fbcdc', '#4f94c4', '#1f6aa5', '#0b3f70'] as const;
export const SUPPRESSED_COLOUR = '#d9d9d9';

/** Class limits for published values: up to five classes by quantile, rounded to 2 significant digits. */
export function classBreaks(values: readonly number[]): number[] {
  const positive = [...values].filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const round = (v: number) => {
    const p = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
    return Math.ceil(v / p) * p;
  };
  const breaks = new Set<number>();
  for (const q of [0.2, 0.4, 0.6, 0.8, 1]) {
    breaks.add(round(positive[Math.min(positive.length - 1, Math.ceil(q * positive.length) - 1)]!));
  }
  return [...breaks].sort((a, b) => a - b);
}

export interface MapLabels {
  title: string;
  description: string;
  none: string;
  suppressed: string;
  credit: string;
  format: (n: number) => string;
}

/**
 * The oblast map as inline SVG, shaded by a published figure per oblast (suppressed ones grey),
 * with a legend. An image for sighted readers: the same figures are in the table beside it.
 */
export function renderOblastMap(
  assetsDir: string,
  lang: Lang,
  values: ReadonlyMap<string, Published>,
  labels: MapLabels,
): Html {
  const { shapes, width, height } = oblastShapes(assetsDir);
  const published = [...values.values()].flatMap((p) => (p.suppressed ? [] : [p.value]));
  const breaks = classBreaks(published);
  // With fewer classes than colours, the darker end is used, so that any reach stands out from none.
  const classColours = MAP_COLOURS.slice(MAP_COLOURS.length - breaks.length);
  const colourOf = (p: Published | undefined) => {
    if (!p || (!p.suppressed && p.value === 0)) return MAP_COLOURS[0];
    if (p.suppressed) return SUPPRESSED_COLOUR;
    const i = breaks.findIndex((b) => p.value <= b);
    return classColours[i < 0 ? classColours.length - 1 : i]!;
  };
  const paths = shapes.map((s) => {
    const p = values.get(s.pcode);
    const figure =
      !p || (!p.suppressed && p.value === 0)
        ? labels.none
        : p.suppressed
          ? labels.suppressed
          : labels.format(p.value);
    return html`<path d="${raw(s.d)}" fill="${colourOf(p)}"><title>${s.name[lang]}: ${figure}</title></path>`;
  });
  let lower = 1;
  const legend = breaks.map((b, i) => {
    const item = html`<li><i style="background:${classColours[i]!}"></i>${labels.format(lower)}–${labels.format(b)}</li>`;
    lower = b + 1;
    return item;
  });
  return html`<figure class="map">
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">
<title id="map-title">${labels.title}</title>
<desc id="map-desc">${labels.description}</desc>
${paths}
</svg>
<figcaption>
<ul class="legend">
<li><i style="background:${MAP_COLOURS[0]}"></i>${labels.none}</li>
${legend}
<li><i style="background:${SUPPRESSED_COLOUR}"></i>${labels.suppressed}</li>
</ul>
<p>${labels.credit}</p>
</figcaption>
</figure>`;
}
