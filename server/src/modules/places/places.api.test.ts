import { placeDetail, placesPage } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/places', () => {
  it('lists the 27 oblast-level units', async () => {
    const res = await get('/api/v1/places?level=1');
    expect(res.statusCode).toBe(200);
    const page = placesPage.parse(res.json());
    expect(page.items).toHaveLength(27);
    expect(page.next).toBeNull();
    const vinnytsia = page.items.find((p) => p.pcode === 'UA05');
    expect(vinnytsia).toMatchObject({
      nameEn: 'Vinnytska',
      nameUk: 'Вінницька',
      level: 1,
      parentPcode: null,
    });
    expect(vinnytsia?.childCount).toBeGreaterThan(0);
  });

  it('filters by parent, level by level down to settlements', async () => {
    const raions = placesPage.parse((await get('/api/v1/places?parent=UA05')).json()).items;
    expect(raions.length).toBeGreaterThan(0);
    expect(raions.every((r) => r.level === 2 && r.parentPcode === 'UA05')).toBe(true);
    const hromadas = placesPage.parse((await get(`/api/v1/places?parent=${raions[0]!.pcode}`)).json()).items;
    expect(hromadas.every((h) => h.level === 3)).toBe(true);
    const settlements = placesPage.parse(
      (await get(`/api/v1/places?parent=${hromadas[0]!.pcode}`)).json(),
    ).items;
    expect(settlements.length).toBeGreaterThan(0);
    expect(settlements.every((s) => s.level === 4 && s.pcode.length === 12)).toBe(true);
  });

  it('searches Ukrainian and English names and P-codes, exact matches first', async () => {
    const uk = placesPage.parse(
      (await get(`/api/v1/places?q=${encodeURIComponent('Вінницька')}`)).json(),
    ).items;
    expect(uk[0]?.pcode).toBe('UA05');
    const en = placesPage.parse((await get('/api/v1/places?q=lvivska&level=1')).json()).items;
    expect(en.map((p) => p.pcode)).toEqual(['UA46']);
    const code = placesPage.parse((await get('/api/v1/places?q=ua0502003')).json()).items;
    expect(code[0]?.pcode).toBe('UA0502003');
  });

  it('pages with an opaque cursor and no overlap', async () => {
    const first = placesPage.parse((await get('/api/v1/places?level=2&limit=50')).json());
    expect(first.items).toHaveLength(50);
    const second = placesPage.parse(
      (await get(`/api/v1/places?level=2&limit=50&cursor=${first.next}`)).json(),
    );
    const third = placesPage.parse(
      (await get(`/api/v1/places?level=2&limit=50&cursor=${second.next}`)).json(),
    );
    const all = [...first.items, ...second.items, ...third.items].map((p) => p.pcode);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(139);
    expect(third.next).toBeNull();
  });

  it('refuses bad filters and cursors with 400 and the field at fault', async () => {
    const level = await get('/api/v1/places?level=7');
    expect(level.statusCode).toBe(400);
    expect(level.json().error.code).toBe('VALIDATION_FAILED');
    expect(level.json().error.details.fields[0].field).toBe('querystring.level');
    expect((await get('/api/v1/places?parent=Kyiv')).statusCode).toBe(400);
    expect((await get('/api/v1/places?cursor=garbage')).json().error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await get(`/api/v1/places?q=${'x'.repeat(500)}`)).statusCode).toBe(400);
  });
});

describe('GET /api/v1/places/:pcode', () => {
  it('returns a settlement with its oblast, raion and hromada', async () => {
    const hromada = placesPage.parse((await get('/api/v1/places?level=3&parent=UA0502')).json()).items[0]!;
    const settlement = placesPage.parse((await get(`/api/v1/places?parent=${hromada.pcode}`)).json())
      .items[0]!;
    const detail = placeDetail.parse((await get(`/api/v1/places/${settlement.pcode}`)).json());
    expect(detail.ancestors.map((a) => a.pcode)).toEqual(['UA05', 'UA0502', hromada.pcode]);
  });

  it('answers 404 for an unknown but well-formed P-code', async () => {
    const res = await get('/api/v1/places/UA99');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'place UA99 not found' } });
  });

  it('serves the oblast boundaries as GeoJSON', async () => {
    const res = await get('/api/v1/places/oblasts.geojson');
    expect(res.statusCode).toBe(200);
    const geo = res.json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(27);
  });
});
