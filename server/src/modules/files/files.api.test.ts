import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, signedInAs, tinyPdf } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let officer: Session;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oselia-files-'));

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir, OSELIA_UPLOAD_MAX_BYTES: '2048' });
  officer = (await signedInAs(t, ['me_officer'])).session;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const upload = (s: Session | null, bytes: Buffer, name = 'visit.pdf') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/files?name=${encodeURIComponent(name)}`,
    payload: bytes,
    headers: {
      'content-type': 'application/octet-stream',
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    },
  });

describe('files', () => {
  it('keeps an upload on disk outside the web root, with its hash, and gives it back as a download', async () => {
    const res = await upload(officer, tinyPdf(), 'C:\\scans\\Звіт <візит>.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({
      fileName: 'Звіт візит.pdf',
      mediaType: 'application/pdf',
      sizeBytes: tinyPdf().length,
    });
    const onDisk = path.join(dataDir, 'files', t.tenantId, f.id);
    expect(fs.readFileSync(onDisk).equals(tinyPdf())).toBe(true);
    expect(onDisk.startsWith(path.resolve('web'))).toBe(false);
    const down = await call(t, officer, 'GET', `/api/v1/files/${f.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(tinyPdf())).toBe(true);
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="____ _____.pdf"; filename*=UTF-8''${encodeURIComponent('Звіт візит.pdf')}`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-security-policy']).toContain('sandbox');
    // Never served outside the API (the web app's fallback may answer, never with the file).
    for (const url of [`/files/${t.tenantId}/${f.id}`, `/data/files/${t.tenantId}/${f.id}`]) {
      const stray = await call(t, null, 'GET', url);
      expect(stray.headers['content-type']).not.toBe('application/pdf');
      expect(stray.rawPayload.equals(tinyPdf())).toBe(false);
    }
  });

  it('refuses other types and files over the limit, saying why', async () => {
    const html = await upload(officer, Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf');
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await upload(officer, Buffer.concat([tinyPdf(), Buffer.alloc(4000)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('the file is 4 KB; files may be at most 2 KB');
    expect((await upload(officer, Buffer.alloc(0))).statusCode).toBe(400);
  });

  it('lets only the uploader’s organisation read a staff upload, and says nothing to others', async () => {
    const f = (await upload(officer, tinyPdf())).json();
    const other = (await signedInAs(t, ['me_officer'])).session;
    const missing = await call(t, other, 'GET', `/api/v1/files/${crypto.randomUUID()}`);
    const hidden = await call(t, other, 'GET', `/api/v1/files/${f.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const donor = (await signedInAs(t, ['donor_viewer'])).session;
    expect((await call(t, donor, 'GET', `/api/v1/files/${f.id}`)).statusCode).toBe(403);
    expect((await upload(null, tinyPdf())).statusCode).toBe(401);
  });
});
