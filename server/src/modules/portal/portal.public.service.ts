import type { PortalProgramme, Story } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../shared/app-error.ts';
import { type Actor, can } from '../access/access.policy.ts';
import type { ConsentService } from '../people/consent.service.ts';
import type { Lang } from './portal.chrome.ts';
import { DEFAULT_THRESHOLD } from './portal.disclosure.ts';
import { type AudienceCount, buildPublicFigures, type PublicFigures } from './portal.figures.ts';
import { oblastsOf } from './portal.map.ts';
import { toStory } from './portal.mapper.ts';
import { ledgerGroups, PROGRAMMES } from './portal.programmes.ts';
import { createPortalRepository, type PublicStoryFilter, type StoryRow } from './portal.repository.ts';

/** A grant call open for applications, as the Take action page lists it. */
export interface OpenCall {
  id: string;
  kind: string;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  closesAt: string;
  maxPerGrantMinor: number;
  currency: string;
}

/** A training taking applications. */
export interface OpenTraining {
  id: string;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  placePcode: string | null;
  startsOn: string;
  endsOn: string;
  enrolmentClosesOn: string | null;
}

/** What other modules contribute to the public site (wired in services.ts; each optional). */
export interface PortalSources {
  openCalls?: (tenantId: string) => Promise<OpenCall[]>;
  openTrainings?: (tenantId: string) => Promise<OpenTraining[]>;
  /** Every awareness session's audience counts (anonymous aggregates). */
  audiences?: (tenantId: string) => Promise<AudienceCount[]>;
}

export interface PublicDeps {
  consent: Pick<ConsentService, 'consentHolds' | 'reachCounts'>;
  assetsDir: string;
  threshold?: number;
  /** How long computed figures are reused (ms); figures are aggregates, a minute old is fine. */
  figuresTtlMs?: number;
}

export const STORIES_PER_PAGE = 12;

/** Everything the public pages read: published stories, protected figures, open calls and trainings. */
export function createPortalPublicService(db: Database, deps: PublicDeps) {
  const repo = createPortalRepository(db);
  const sources: PortalSources = {};
  const threshold = deps.threshold ?? DEFAULT_THRESHOLD;
  const cache = new Map<string, { at: number; value: Promise<PublicFigures> }>();

  async function computeFigures(tenantId: string): Promise<PublicFigures> {
    const [reach, audiences] = await Promise.all([
      deps.consent.reachCounts(tenantId, ledgerGroups(), 'protection'),
      sources.audiences ? sources.audiences(tenantId) : Promise.resolve([]),
    ]);
    return buildPublicFigures(reach, audiences, oblastsOf(deps.assetsDir), threshold);
  }

  /** Stories whose featured people all still consent (a second guard behind the withdrawal hook). */
  async function consented(tenantId: string, rows: StoryRow[]) {
    const people = await repo.featuredPeople(
      tenantId,
      rows.map((r) => r.id),
    );
    const ok = new Set<string>();
    for (const r of rows) {
      const mine = people.filter((p) => p.story_id === r.id);
      let holds = true;
      for (const p of mine) {
        if (!(await deps.consent.consentHolds(tenantId, p.person_id, 'story_publication'))) {
          holds = false;
          break;
        }
      }
      if (holds) ok.add(r.id);
    }
    const photos = await repo.listPhotos(tenantId, [...ok]);
    return rows
      .filter((r) => ok.has(r.id))
      .map((r) =>
        toStory(
          r,
          people.filter((p) => p.story_id === r.id).map((p) => p.person_id),
          photos.filter((p) => p.story_id === r.id),
        ),
      );
  }

  return {
    threshold,

    /** Other modules' contributions, wired once at start. */
    connect(more: PortalSources) {
      Object.assign(sources, more);
    },

    /** Every public figure, through disclosure control; recomputed at most once a minute. */
    figures(tenantId: string): Promise<PublicFigures> {
      const hit = cache.get(tenantId);
      const ttl = deps.figuresTtlMs ?? 60_000;
      if (hit && Date.now() - hit.at < ttl) return hit.value;
      const value = computeFigures(tenantId);
      cache.set(tenantId, { at: Date.now(), value });
      value.catch(() => cache.delete(tenantId));
      return value;
    },

    async openCalls(tenantId: string): Promise<OpenCall[]> {
      return sources.openCalls ? sources.openCalls(tenantId) : [];
    },

    async openTrainings(tenantId: string): Promise<OpenTraining[]> {
      return sources.openTrainings ? sources.openTrainings(tenantId) : [];
    },

    async stories(
      tenantId: string,
      filter: {
        programme?: PortalProgramme | undefined;
        place?: string | undefined;
        tag?: string | undefined;
      },
      page: number,
    ): Promise<{ items: Story[]; total: number; pages: number }> {
      const f: PublicStoryFilter = filter;
      const { rows, total } = await repo.listPublicStories(
        tenantId,
        new Date(),
        f,
        (page - 1) * STORIES_PER_PAGE,
        STORIES_PER_PAGE,
      );
      return {
        items: await consented(tenantId, rows),
        total,
        pages: Math.max(1, Math.ceil(total / STORIES_PER_PAGE)),
      };
    },

    /** The newest public stories, for the home page and the feed. */
    async latestStories(tenantId: string, limit: number): Promise<Story[]> {
      const { rows } = await repo.listPublicStories(tenantId, new Date(), {}, 0, limit);
      return consented(tenantId, rows);
    },

    async story(tenantId: string, slug: string): Promise<Story> {
      const row = await repo.findPublicStory(tenantId, new Date(), slug);
      const [story] = row ? await consented(tenantId, [row]) : [];
      if (!story) throw notFound('story');
      return story;
    },

    facets(tenantId: string) {
      return repo.publicFacets(tenantId, new Date());
    },

    programmes() {
      return PROGRAMMES;
    },

    /**
     * A story photo's bytes for the public while its story is public (and its people consent), or
     * for staff who may read the portal; the same 404 otherwise.
     */
    async photo(
      tenantId: string,
      photoId: string,
      size: 'large' | 'thumb',
      staff: Actor | null,
    ): Promise<Buffer> {
      const found = await repo.photoContent(tenantId, photoId, size);
      if (!found) throw notFound('photo');
      const bytes = Buffer.from(found.bytes);
      if (staff && staff.tenantId === tenantId && can(staff, 'portal.read')) return bytes;
      const row = await repo.findStory(tenantId, found.story_id);
      const visible = row ? await repo.findPublicStory(tenantId, new Date(), row.slug) : undefined;
      if (!visible || (await consented(tenantId, [visible])).length === 0) throw notFound('photo');
      return bytes;
    },
  };
}

export type PortalPublicService = ReturnType<typeof createPortalPublicService>;
