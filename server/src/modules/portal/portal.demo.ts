import sharp from 'sharp';
import type { Services } from '../../services.ts';
import { type Actor, actorWithoutUser } from '../access/access.policy.ts';
import { DEMO_STORIES } from './portal.demo.stories.ts';
import { createPortalRepository } from './portal.repository.ts';

/**
 * The portal's demo: the three stories, each with an illustration, featuring the demo families'
 * members with their consent to story publication, published. Running it twice changes nothing.
 */
export async function seedPortalDemo(
  services: Pick<Services, 'db' | 'portal' | 'people' | 'consent'>,
  tenantId: string,
  missionId: string,
): Promise<{ stories: number }> {
  const actor: Actor = actorWithoutUser({
    tenantId,
    organisationId: missionId,
    roles: ['admin'],
    label: 'demo seed',
  });
  const repo = createPortalRepository(services.db);
  const { stories } = services.portal;
  let created = 0;
  for (const demo of DEMO_STORIES) {
    if (await repo.slugTaken(tenantId, demo.story.slug, null)) continue;
    const [person] = (await services.people.searchPeople(actor, { q: demo.features, limit: 1 })).items;
    if (person && !(await services.consent.consentHolds(tenantId, person.id, 'story_publication'))) {
      await services.consent.recordConsent(actor, person.id, {
        purpose: 'story_publication',
        status: 'given',
        method: 'signed',
        organisationId: null,
        note: 'Demo: agreed to the story and its illustration.',
      });
    }
    const draft = await stories.createStory(actor, {
      ...demo.story,
      featuredPersonIds: person ? [person.id] : [],
    });
    const image = await sharp(Buffer.from(demo.illustration.svg)).jpeg({ quality: 85 }).toBuffer();
    await stories.addPhoto(actor, draft.id, image, demo.illustration.alt);
    const current = await stories.getStory(actor, draft.id);
    const inReview = await stories.submitStory(actor, draft.id, current.version);
    await stories.publishStory(actor, draft.id, inReview.version, null);
    created++;
  }
  return { stories: created };
}
