import type { PortalPage, PortalPageContent, Story, StoryPhoto } from '@oselia/contracts';
import { iso } from '../../shared/iso.ts';
import type { PageRow, PhotoRow, StoryRow } from './portal.repository.ts';
import { effectiveStatus } from './portal.rules.ts';

export function toPortalPage(r: PageRow): PortalPage {
  const draft = r.draft as PortalPageContent;
  const published = r.published as PortalPageContent | null;
  return {
    key: r.key as PortalPage['key'],
    draft,
    published,
    publishedAt: iso(r.published_at),
    changed: published === null || JSON.stringify(published) !== JSON.stringify(draft),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** Public addresses of a photo's two versions (served only while the story may be seen). */
export function photoUrls(p: Pick<PhotoRow, 'id'>) {
  return { url: `/media/stories/${p.id}.jpg`, thumbUrl: `/media/stories/${p.id}-thumb.jpg` };
}

export function toStoryPhoto(p: PhotoRow): StoryPhoto {
  return { id: p.id, alt: p.alt as StoryPhoto['alt'], width: p.width, height: p.height, ...photoUrls(p) };
}

export function toStory(r: StoryRow, people: string[], photos: PhotoRow[], now = new Date()): Story {
  const publishAt = r.publish_at === null ? null : new Date(r.publish_at);
  const status = effectiveStatus(r.status, publishAt, now);
  return {
    id: r.id,
    slug: r.slug,
    status,
    title: r.title as Story['title'],
    summary: r.summary as Story['summary'],
    body: r.body as Story['body'],
    placePcode: r.place_pcode,
    programme: r.programme,
    tags: r.tags,
    featuredPersonIds: people,
    photos: photos.map(toStoryPhoto),
    publishAt: r.status === 'scheduled' ? iso(r.publish_at) : null,
    publishedAt: status === 'scheduled' ? null : iso(r.published_at),
    unpublishedReason: r.unpublished_reason,
    reviewNote: r.review_note,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}
