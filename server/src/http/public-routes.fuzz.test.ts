import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * What anyone on the internet can send to the routes that need no sign-in: ids, codes and tokens
 * of any text in the address, bodies of any shape. Each gets a verdict (found, not found, refused
 * with a reason), never a server error. `OSELIA_FUZZ_RUNS` tries more than the usual 100.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_PUBLIC_RATE_PER_MINUTE: '100000' });
});
afterAll(() => t.close());

const runs = () => Number(process.env.OSELIA_FUZZ_RUNS ?? 100);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../../etc/passwd',
    '%00',
    'FB-ABC123',
    'UA05',
    'UA0502003',
    '0'.repeat(300),
  ),
  fc.uuid().map(String),
);
const addresses = [
  (s: string) => `/api/v1/public/grants/calls/${s}`,
  (s: string) => `/api/v1/public/grants/applications/${s}/status`,
  (s: string) => `/api/v1/public/trainings/${s}`,
  (s: string) => `/api/v1/public/certificates/${s}`,
  (s: string) => `/api/v1/public/awareness/reporters/${s}`,
  (s: string) => `/api/v1/places/${s}`,
  (s: string) => `/api/v1/places?q=${s}`,
  (s: string) => `/media/stories/${s}`,
];
const field = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }));
const someFields = fc.dictionary(
  fc.constantFrom(
    'category',
    'text',
    'anonymous',
    'contact',
    'placePcode',
    'programme',
    'language',
    'referenceCode',
    'secret',
    'answers',
  ),
  field,
  { maxKeys: 3 },
);
/** Anything, or a valid report with a few fields of any value, so that the service's rules run too. */
const anyJson = fc.oneof(
  someFields,
  fc
    .tuple(fc.constantFrom('question', 'request', 'complaint', 'sensitive'), someFields)
    .map(([category, fields]) => ({
      category,
      text: 'The water point in our street has been dry for a week.',
      ...fields,
    })),
  fc.array(text, { maxLength: 3 }),
  text,
  fc.constant(null),
);
const bodies = [
  () => '/api/v1/public/feedback',
  () => '/api/v1/public/feedback/follow-up',
  (s: string) => `/api/v1/public/trainings/${s}/applications`,
  (s: string) => `/api/v1/public/grants/calls/${s}/applications`,
];

describe('random requests to the public routes', () => {
  it('addresses with any id, code or token: never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(addresses.length - 1), text, async (which, s) => {
        const url = addresses[which]!(encodeURIComponent(s));
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: runs() },
    );
  });

  it('bodies of any shape: never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(bodies.length - 1), text, anyJson, async (which, s, body) => {
        const url = bodies[which]!(encodeURIComponent(s));
        const res = await t.app.inject({
          method: 'POST',
          url,
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: runs() },
    );
  });
});
