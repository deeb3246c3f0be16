import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemo } from '../demo/demo.service.ts';
import { DEMO_STORIES } from './portal.demo.stories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('portal demo', () => {
  it('publishes the three stories, each featuring a demo person who consented, and only once', async () => {
    const first = await seedDemo(t.services, t.tenantId);
    expect(first.stories).toBe(3);
    expect((await seedDemo(t.services, t.tenantId)).stories).toBe(0);

    for (const lang of ['uk', 'en'] as const) {
      const list = (await call(t, null, 'GET', `/${lang}/stories`)).body;
      for (const d of DEMO_STORIES) expect(list).toContain(d.story.title[lang]);
    }
    for (const d of DEMO_STORIES) {
      const page = await call(t, null, 'GET', `/en/stories/${d.story.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('This story is published with the consent of the people it is about.');
      const photo = /<img src="(\/media\/stories\/[^"]+)"/.exec(page.body)![1]!;
      const image = await call(t, null, 'GET', photo);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
    }
  });
});
