import type { StoryStatus } from '@oselia/contracts';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { PortalPagesTable, PortalStoriesTable, PortalStoryPhotosTable } from '../../db/schema.ts';

const PAGE_COLUMNS = [
  'tenant_id',
  'id',
  'key',
  'version',
  'draft',
  'published',
  'published_at',
  'published_by',
  'created_at',
  'updated_at',
] as const;

const STORY_COLUMNS = [
  'tenant_id',
  'id',
  'slug',
  'version',
  'status',
  'title',
  'summary',
  'body',
  'place_pcode',
  'programme',
  'tags',
  'publish_at',
  'published_at',
  'published_by',
  'unpublished_reason',
  'review_note',
  'created_at',
  'created_by',
  'updated_at',
] as const;

const PHOTO_COLUMNS = [
  'tenant_id',
  'id',
  'story_id',
  'position',
  'alt',
  'width',
  'height',
  'thumb_width',
  'thumb_height',
] as const;

export type PageRow = Awaited<ReturnType<ReturnType<typeof createPortalRepository>['findPage']>> & {};
export type StoryRow = Awaited<ReturnType<ReturnType<typeof createPortalRepository>['findStory']>> & {};
export type PhotoRow = Awaited<ReturnType<ReturnType<typeof createPortalRepository>['listPhotos']>>[number];

/** What the public may see: published, or scheduled and its time has come. */
export interface PublicStoryFilter {
  programme?: string | undefined;
  /** Oblast P-code prefix. */
  place?: string | undefined;
  tag?: string | undefined;
}

/** Pages, stories, their photos and the people they feature. */
export function createPortalRepository(db: Database) {
  const publicStories = (tenantId: string, now: Date, f: PublicStoryFilter) => {
    let q = db
      .selectFrom('portal_stories')
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'published'),
          eb.and([eb('status', '=', 'scheduled'), eb('publish_at', '<=', now)]),
        ]),
      );
    if (f.programme) q = q.where('programme', '=', f.programme as PortalStoriesTable['programme']);
    if (f.place) q = q.where('place_pcode', 'like', `${f.place}%`);
    if (f.tag) q = q.where(sql<boolean>`${f.tag} = any(tags)`);
    return q;
  };
  /** When the public first saw it: the publication time, or the scheduled time. */
  const shownAt = sql<Date>`coalesce(publish_at, published_at)`;

  return {
    findPage(tenantId: string, key: string, forUpdate = false) {
      let q = db
        .selectFrom('portal_pages')
        .select(PAGE_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('key', '=', key);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    listPages(tenantId: string) {
      return db
        .selectFrom('portal_pages')
        .select(PAGE_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .orderBy('key')
        .execute();
    },

    /** A page row the first time it is asked for (concurrent first writers: one row wins). */
    async ensurePage(row: Insertable<PortalPagesTable>) {
      await db
        .insertInto('portal_pages')
        .values(row)
        .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
        .execute();
    },

    updatePage(tenantId: string, key: string, version: number, patch: Updateable<PortalPagesTable>) {
      return db
        .updateTable('portal_pages')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('key', '=', key)
        .where('version', '=', version)
        .returning(PAGE_COLUMNS)
        .executeTakeFirst();
    },

    insertStory(row: Insertable<PortalStoriesTable>) {
      return db.insertInto('portal_stories').values(row).returning(STORY_COLUMNS).executeTakeFirstOrThrow();
    },

    findStory(tenantId: string, id: string, forUpdate = false) {
      let q = db
        .selectFrom('portal_stories')
        .select(STORY_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    slugTaken(tenantId: string, slug: string, exceptId: string | null) {
      let q = db
        .selectFrom('portal_stories')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('slug', '=', slug);
      if (exceptId) q = q.where('id', '<>', exceptId);
      return q.executeTakeFirst().then((r) => r !== undefined);
    },

    updateStory(tenantId: string, id: string, version: number, patch: Updateable<PortalStoriesTable>) {
      return db
        .updateTable('portal_stories')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(STORY_COLUMNS)
        .executeTakeFirst();
    },

    listStories(
      tenantId: string,
      status: StoryStatus | undefined,
      after: { updatedAt: string; id: string } | undefined,
      limit: number,
    ) {
      let q = db
        .selectFrom('portal_stories')
        .select(STORY_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (status) q = q.where('status', '=', status);
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('updated_at', '<', new Date(after.updatedAt)),
            eb.and([eb('updated_at', '=', new Date(after.updatedAt)), eb('id', '<', after.id)]),
          ]),
        );
      }
      return q.execute();
    },

    /** Public stories, newest first, one page of them and how many there are in all. */
    async listPublicStories(
      tenantId: string,
      now: Date,
      f: PublicStoryFilter,
      offset: number,
      limit: number,
    ) {
      const [rows, count] = await Promise.all([
        publicStories(tenantId, now, f)
          .select(STORY_COLUMNS)
          .orderBy(shownAt, 'desc')
          .orderBy('id', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        publicStories(tenantId, now, f)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    findPublicStory(tenantId: string, now: Date, slug: string) {
      return publicStories(tenantId, now, {})
        .select(STORY_COLUMNS)
        .where('slug', '=', slug)
        .executeTakeFirst();
    },

    /** Tags and places in use by public stories, for the filters. */
    async publicFacets(tenantId: string, now: Date) {
      const [tags, places] = await Promise.all([
        publicStories(tenantId, now, {}).select(sql<string>`unnest(tags)`.as('tag')).distinct().execute(),
        publicStories(tenantId, now, {})
          .select(sql<string>`left(place_pcode, 4)`.as('oblast'))
          .where('place_pcode', 'is not', null)
          .distinct()
          .execute(),
      ]);
      return { tags: tags.map((t) => t.tag).sort(), oblasts: places.map((p) => p.oblast).sort() };
    },

    featuredPeople(tenantId: string, storyIds: readonly string[]) {
      if (storyIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('portal_story_people')
        .select(['story_id', 'person_id'])
        .where('tenant_id', '=', tenantId)
        .where('story_id', 'in', storyIds)
        .execute();
    },

    async setFeaturedPeople(tenantId: string, storyId: string, personIds: readonly string[]) {
      await db
        .deleteFrom('portal_story_people')
        .where('tenant_id', '=', tenantId)
        .where('story_id', '=', storyId)
        .execute();
      if (personIds.length === 0) return;
      await db
        .insertInto('portal_story_people')
        .values(personIds.map((person_id) => ({ tenant_id: tenantId, story_id: storyId, person_id })))
        .execute();
    },

    /** Stories featuring a person that the public sees now or will see when their time comes. */
    storiesFeaturing(tenantId: string, personId: string) {
      return db
        .selectFrom('portal_stories as s')
        .innerJoin('portal_story_people as sp', (j) =>
          j.onRef('sp.tenant_id', '=', 's.tenant_id').onRef('sp.story_id', '=', 's.id'),
        )
        .select(['s.id', 's.version', 's.status'])
        .where('s.tenant_id', '=', tenantId)
        .where('sp.person_id', '=', personId)
        .where('s.status', 'in', ['published', 'scheduled', 'review'])
        .forUpdate()
        .execute();
    },

    /** Takes a story down, whatever its version (a consent withdrawal must not lose a race). */
    takeDown(tenantId: string, id: string, reason: string, by: string | null) {
      return db
        .updateTable('portal_stories')
        .set({
          status: 'unpublished',
          unpublished_reason: reason,
          publish_at: null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
          updated_by: by,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    listPhotos(tenantId: string, storyIds: readonly string[]) {
      if (storyIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('portal_story_photos')
        .select(PHOTO_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('story_id', 'in', storyIds)
        .orderBy('story_id')
        .orderBy('position')
        .execute();
    },

    insertPhoto(row: Insertable<PortalStoryPhotosTable>) {
      return db
        .insertInto('portal_story_photos')
        .values(row)
        .returning(PHOTO_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    nextPhotoPosition(tenantId: string, storyId: string) {
      return db
        .selectFrom('portal_story_photos')
        .select((eb) => eb.fn.coalesce(eb.fn.max('position'), sql<number>`0`).as('max'))
        .where('tenant_id', '=', tenantId)
        .where('story_id', '=', storyId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.max) + 1);
    },

    deletePhoto(tenantId: string, storyId: string, id: string) {
      return db
        .deleteFrom('portal_story_photos')
        .where('tenant_id', '=', tenantId)
        .where('story_id', '=', storyId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
    },

    /** The bytes of one version of a photo, with the story it belongs to. */
    photoContent(tenantId: string, id: string, size: 'large' | 'thumb') {
      return db
        .selectFrom('portal_story_photos')
        .select(['story_id', size === 'large' ? 'large as bytes' : 'thumb as bytes'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
  };
}
