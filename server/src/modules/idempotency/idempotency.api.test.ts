import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedInAs(t, ['registration_officer'])).session;
});
afterAll(() => t.close());

const post = (body: object, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/people',
    payload: body,
    headers: {
      cookie: officer.cookie,
      'x-csrf-token': officer.csrf,
      ...(key ? { 'idempotency-key': key } : {}),
    },
  });

describe('Idempotency-Key', () => {
  it('answers a retried creation with the first answer and creates nothing twice', async () => {
    const body = { familyName: 'Ярошенко', givenName: 'Тарас' };
    const first = await post(body, 'tablet-7:registration-0001');
    const retry = await post(body, 'tablet-7:registration-0001');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    const found = await call(t, officer, 'GET', `/api/v1/people?q=${encodeURIComponent('Ярошенко Тарас')}`);
    expect(found.json().items).toHaveLength(1);
  });

  it('refuses the same key for a different request', async () => {
    await post({ familyName: 'Гайдай', givenName: 'Лідія' }, 'tablet-7:registration-0002');
    const other = await post({ familyName: 'Гайдай', givenName: 'Марта' }, 'tablet-7:registration-0002');
    expect(other.statusCode).toBe(422);
  });

  it('keeps a refused request refused on retry, and without a key creates each time', async () => {
    const bad = { familyName: 'Гайдай', givenName: 'Лідія', birthDate: '2099-01-01' };
    expect((await post(bad, 'tablet-7:registration-0003')).statusCode).toBe(400);
    expect((await post(bad, 'tablet-7:registration-0003')).headers['idempotent-replayed']).toBe('true');
    const a = await post({ familyName: 'Остапчук', givenName: 'Ніна' });
    const b = await post({ familyName: 'Остапчук', givenName: 'Ніна' });
    expect(a.json().id).not.toBe(b.json().id);
    expect((await post({ familyName: 'X', givenName: 'Y' }, 'bad key!')).statusCode).toBe(400);
  });
});
