import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 240_000);
afterAll(() => t.close());

const form = 'application/x-www-form-urlencoded';
const tokenOf = (page: string) => /name="token" value="([^"]+)"/.exec(page)?.[1] ?? '';

async function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': form, host: 'localhost', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('feedback: the public pages without JavaScript', { timeout: 120_000 }, () => {
  it('takes a complaint from the form, shows code and secret, then the status on the follow-up page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/uk/feedback' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/uk/feedback"');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const sent = await post('/uk/feedback', {
      token: tokenOf(page.body),
      category: 'complaint',
      text: 'Черга на пункті була понад три години.',
      anonymous: 'on',
    });
    expect(sent.statusCode).toBe(200);
    const code = /data-reference>([^<]+)</.exec(sent.body)?.[1] ?? '';
    const secret = /data-secret>([^<]+)</.exec(sent.body)?.[1] ?? '';
    expect(code).toMatch(/^FB-/);

    const followPage = await t.app.inject({ method: 'GET', url: '/uk/feedback/follow-up' });
    const status = await post('/uk/feedback/follow-up', {
      token: tokenOf(followPage.body),
      referenceCode: code,
      secret,
    });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('data-status="new"');
    const wrong = await post('/uk/feedback/follow-up', {
      token: tokenOf(followPage.body),
      referenceCode: code,
      secret: 'AAAAA-BBBBB-CCCCC-DDDDD',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).not.toContain('data-status');
  });

  it('refuses a post without a valid form token or from another site', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/en/feedback' });
    const fields = { category: 'question', text: 'When do you open?', anonymous: 'on' };
    expect((await post('/en/feedback', { ...fields, token: '1.forged' })).statusCode).toBe(403);
    const cross = await post(
      '/en/feedback',
      { ...fields, token: tokenOf(page.body) },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.statusCode).toBe(403);
    expect((await post('/en/feedback', { ...fields, token: tokenOf(page.body) })).statusCode).toBe(200);
  });

  it('shows the form again with a message when the text is too short, escaping what was typed', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/en/feedback' });
    const res = await post('/en/feedback', { token: tokenOf(page.body), category: 'question', text: '<b>' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('&lt;b&gt;');
  });
});
