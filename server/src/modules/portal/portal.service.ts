import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { ConsentService } from '../people/consent.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { createPortalPagesService } from './portal.pages.service.ts';
import { createPortalPublicService } from './portal.public.service.ts';
import { createPortalRenderer } from './portal.render.ts';
import { createPortalStoriesService } from './portal.stories.service.ts';

/**
 * The portal: pages and stories for staff, the public site's data (figures through disclosure
 * control, stories, open calls and trainings) and its rendering. Listens to the people module so a
 * withdrawal of consent to story publication takes the person's stories down.
 */
export function createPortalService(
  db: Database,
  deps: {
    audit: AuditService;
    consent: Pick<ConsentService, 'consentHolds' | 'reachCounts' | 'onConsentRecorded'>;
    places: Pick<PlacesService, 'isKnownPlace' | 'getPlace'>;
    config: Pick<Config, 'publicUrl' | 'assetsDir' | 'disclosureThreshold'>;
  },
) {
  const pages = createPortalPagesService(db, { audit: deps.audit });
  const stories = createPortalStoriesService(db, deps);
  const site = createPortalPublicService(db, {
    consent: deps.consent,
    assetsDir: deps.config.assetsDir,
    threshold: deps.config.disclosureThreshold,
  });
  const render = createPortalRenderer({ site, places: deps.places, config: deps.config });
  deps.consent.onConsentRecorded(stories.onConsentRecorded);
  return { pages, stories, site, render };
}

export type PortalService = ReturnType<typeof createPortalService>;
