import type { PlaceDetail, PortalPageContent, PortalPageKey, Story } from '@oselia/contracts';
import type { Config } from '../../config.ts';
import type { PlacesService } from '../places/places.service.ts';
import type { Lang, NavKey } from './portal.chrome.ts';
import { type Html, html } from './portal.html.ts';
import { renderPublicPage } from './portal.layout.ts';
import type { PortalPublicService } from './portal.public.service.ts';
import { dataBody, takeActionBody, whereWeWorkBody } from './portal.views.data.ts';
import { storyBody } from './portal.views.stories.ts';
import { agendaBody, homeBody, ourWorkBody, pageHeader } from './portal.views.ts';

export const PAGE_PATHS: Record<PortalPageKey, { path: string; nav: NavKey }> = {
  home: { path: '/', nav: 'home' },
  about: { path: '/about', nav: 'about' },
  our_work: { path: '/our-work', nav: 'ourWork' },
  where_we_work: { path: '/where-we-work', nav: 'whereWeWork' },
  data: { path: '/data', nav: 'data' },
  take_action: { path: '/take-action', nav: 'takeAction' },
  agenda_2030: { path: '/2030-agenda', nav: 'agenda2030' },
};

const UNIT_NOUN = {
  uk: { 1: 'область', 2: 'район', 3: 'громада', 4: '' },
  en: { 1: 'oblast', 2: 'raion', 3: 'hromada', 4: '' },
} as const;

/**
 * A place as readers know it: "Lvivska hromada, Lvivska oblast", "Pervomaisk, Mykolaivska oblast".
 * Adjective names (…ska, …ька) get their unit's noun; others (Kyiv, Crimea) stand alone.
 */
export function placeLabel(
  p: Pick<PlaceDetail, 'level' | 'nameUk' | 'nameEn'> & {
    ancestors: readonly Pick<PlaceDetail['ancestors'][number], 'level' | 'nameUk' | 'nameEn'>[];
  },
  lang: Lang,
): string {
  const named = (name: string, level: 1 | 2 | 3 | 4) =>
    /(ка|ka)$/i.test(name) && UNIT_NOUN[lang][level] ? `${name} ${UNIT_NOUN[lang][level]}` : name;
  const own = named(lang === 'uk' ? p.nameUk : p.nameEn, p.level);
  const oblast = p.level > 1 ? p.ancestors.find((a) => a.level === 1) : undefined;
  return oblast ? `${own}, ${named(lang === 'uk' ? oblast.nameUk : oblast.nameEn, 1)}` : own;
}

const PREVIEW = {
  uk: 'Попередній перегляд: так сторінка виглядатиме після публікації. Відвідувачі її ще не бачать.',
  en: 'Preview: this is how the page will look once published. Visitors do not see it yet.',
};

/** Whole documents for the public pages, and for staff previews of drafts (same look, marked, not indexed). */
export function createPortalRenderer(deps: {
  site: PortalPublicService;
  places: Pick<PlacesService, 'getPlace'>;
  config: Pick<Config, 'publicUrl' | 'assetsDir'>;
}) {
  const { site, config } = deps;

  async function bodyOf(
    lang: Lang,
    key: PortalPageKey,
    c: PortalPageContent,
    tenantId: string,
  ): Promise<Html> {
    switch (key) {
      case 'home':
        return homeBody(lang, c, await site.figures(tenantId), await site.latestStories(tenantId, 3));
      case 'about':
        return pageHeader(c, lang);
      case 'our_work':
        return ourWorkBody(lang, c, await site.figures(tenantId));
      case 'where_we_work':
        return whereWeWorkBody(lang, c, await site.figures(tenantId), config.assetsDir);
      case 'data':
        return dataBody(lang, c, await site.figures(tenantId));
      case 'take_action': {
        const [calls, trainings] = await Promise.all([
          site.openCalls(tenantId),
          site.openTrainings(tenantId),
        ]);
        return takeActionBody(lang, c, calls, trainings);
      }
      case 'agenda_2030':
        return agendaBody(lang, c, await site.figures(tenantId));
    }
  }

  const banner = (lang: Lang) => html`<p class="notice" role="status">${PREVIEW[lang]}</p>`;

  return {
    async page(
      lang: Lang,
      key: PortalPageKey,
      content: PortalPageContent,
      tenantId: string,
      preview = false,
    ) {
      const { path, nav } = PAGE_PATHS[key];
      const body = await bodyOf(lang, key, content, tenantId);
      return renderPublicPage({
        lang,
        title: content.title[lang] || content.title.uk,
        description: content.description[lang] || content.description.uk,
        path,
        active: nav,
        baseUrl: config.publicUrl,
        threshold: site.threshold,
        noindex: preview,
        body: preview ? html`${banner(lang)}${body}` : body,
      });
    },

    async story(lang: Lang, story: Story, preview = false) {
      const place = story.placePcode ? await deps.places.getPlace(story.placePcode).catch(() => null) : null;
      const placeName = place ? placeLabel(place, lang) : null;
      const photo = story.photos[0];
      const body = storyBody(lang, story, placeName);
      return renderPublicPage({
        lang,
        title: story.title[lang] || story.title.uk,
        description: story.summary[lang] || story.summary.uk,
        path: `/stories/${story.slug}`,
        active: 'stories',
        baseUrl: config.publicUrl,
        threshold: site.threshold,
        noindex: preview,
        og: {
          type: 'article',
          ...(photo
            ? { image: { url: photo.url, alt: photo.alt[lang], width: photo.width, height: photo.height } }
            : {}),
          ...(story.publishedAt ? { publishedTime: story.publishedAt } : {}),
          modifiedTime: story.updatedAt,
          tags: story.tags,
        },
        body: preview ? html`${banner(lang)}${body}` : body,
      });
    },
  };
}

export type PortalRenderer = ReturnType<typeof createPortalRenderer>;
