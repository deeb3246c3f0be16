import type { CreateStoryBody } from '@oselia/contracts';
import { createStoryBody } from '@oselia/contracts';
import sharp from 'sharp';
import type { z } from 'zod';
import type { TestApp } from '../../test/test-app.ts';
import type { Actor } from '../access/access.policy.ts';

let counter = 0;

/** An actor that may do everything in the portal (a communications officer of the mission). */
export function commsActor(t: TestApp): Actor {
  return {
    userId: null as unknown as string,
    tenantId: t.tenantId,
    organisationId: '00000000-0000-7000-8000-000000000000',
    roles: ['communications_officer'],
    projectScope: null,
    oblastScope: null,
    label: 'test portal',
  };
}

/** A complete story body (both languages), unique slug. */
export function storyInput(over: Partial<z.input<typeof createStoryBody>> = {}): CreateStoryBody {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  return createStoryBody.parse({
    slug: `story-${n}`,
    title: { uk: `Історія ${n}`, en: `Story ${n}` },
    summary: { uk: 'Коротко про історію.', en: 'The story in short.' },
    body: { uk: 'Текст історії.', en: 'The text of the story.' },
    programme: 'livelihoods',
    placePcode: 'UA46',
    tags: ['бізнес'],
    ...over,
  });
}

/** A story taken through review to published (or scheduled, with `publishAt`). */
export async function buildPublishedStory(
  t: TestApp,
  over: Partial<z.input<typeof createStoryBody>> = {},
  publishAt: string | null = null,
) {
  const actor = commsActor(t);
  const s = t.services.portal.stories;
  const created = await s.createStory(actor, storyInput(over));
  const submitted = await s.submitStory(actor, created.id, created.version);
  return s.publishStory(actor, created.id, submitted.version, publishAt);
}

/** A JPEG as a phone would send it: large, with EXIF including a GPS position and a camera owner. */
export function cameraJpeg(width = 2400, height = 1600) {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 120, b: 60 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Olena Example', Copyright: 'Olena Example' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '49/1 50/1 2/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '24/1 1/1 53/1',
      },
    })
    .toBuffer();
}
