import type { CreateStoryBody, StoryStatus, UpdateStoryBody } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { ConsentRecorded, ConsentService } from '../people/consent.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { toStory } from './portal.mapper.ts';
import { processStoryPhoto } from './portal.photos.ts';
import { createPortalRepository, type StoryRow } from './portal.repository.ts';
import { effectiveStatus, mayTake, missingForPublication, type StoryAction } from './portal.rules.ts';

export const CONSENT_WITHDRAWN = 'consent_withdrawn';

export interface StoriesDeps {
  audit: AuditService;
  consent: Pick<ConsentService, 'consentHolds'>;
  places: Pick<PlacesService, 'isKnownPlace'>;
}

const isForeignKeyViolation = (e: unknown) => (e as { code?: unknown })?.code === '23503';

/**
 * Stories: written (uk and en) and edited as drafts, sent to review, published now or at a set
 * time, taken down. A story that features registered people is public only while each one's
 * consent to story publication holds: publishing checks it, and a withdrawal takes the story down.
 */
export function createPortalStoriesService(db: Database, deps: StoriesDeps) {
  const repo = createPortalRepository(db);

  async function present(tenantId: string, rows: StoryRow[]) {
    const ids = rows.map((r) => r.id);
    const [people, photos] = await Promise.all([
      repo.featuredPeople(tenantId, ids),
      repo.listPhotos(tenantId, ids),
    ]);
    return rows.map((r) =>
      toStory(
        r,
        people.filter((p) => p.story_id === r.id).map((p) => p.person_id),
        photos.filter((p) => p.story_id === r.id),
      ),
    );
  }

  async function loadRow(tenantId: string, id: string) {
    const row = await repo.findStory(tenantId, id);
    if (!row) throw notFound('story');
    return row;
  }

  function statusOf(row: StoryRow): StoryStatus {
    return effectiveStatus(row.status, row.publish_at === null ? null : new Date(row.publish_at), new Date());
  }

  function requireState(row: StoryRow, action: StoryAction) {
    const status = statusOf(row);
    if (!mayTake(action, status)) {
      throw new AppError(
        'CONFLICT',
        `a ${status} story cannot be ${action === 'edit' ? 'edited' : `${action}ed`}`,
        {
          status,
          action,
        },
      );
    }
  }

  const stale = () =>
    new AppError('VERSION_CONFLICT', 'someone else changed this story meanwhile: reload it and try again');

  async function checkFields(actor: Actor, body: Partial<CreateStoryBody>, exceptId: string | null) {
    if (body.slug !== undefined && (await repo.slugTaken(actor.tenantId, body.slug, exceptId))) {
      throw new AppError('CONFLICT', 'another story already has this address (slug)', { field: 'slug' });
    }
    if (body.placePcode && !(await deps.places.isKnownPlace(body.placePcode))) {
      throw new AppError('VALIDATION_FAILED', `unknown P-code ${body.placePcode}`, {
        fields: [{ field: 'body.placePcode', message: 'unknown P-code' }],
      });
    }
  }

  async function setPeople(trx: Database, tenantId: string, storyId: string, ids: readonly string[]) {
    try {
      await createPortalRepository(trx).setFeaturedPeople(tenantId, storyId, [...new Set(ids)]);
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new AppError('UNPROCESSABLE', 'a featured person is not in the registry', {
          field: 'featuredPersonIds',
        });
      }
      throw error;
    }
  }

  /** Everyone the story features must have consent to story publication that holds now. */
  async function requireConsents(tenantId: string, storyId: string) {
    const people = await repo.featuredPeople(tenantId, [storyId]);
    const without: string[] = [];
    for (const p of people) {
      if (!(await deps.consent.consentHolds(tenantId, p.person_id, 'story_publication')))
        without.push(p.person_id);
    }
    if (without.length > 0) {
      throw new AppError(
        'UNPROCESSABLE',
        'the story features someone whose consent to story publication does not hold',
        { consentRequired: 'story_publication', personIds: without },
      );
    }
  }

  async function requireComplete(tenantId: string, row: StoryRow) {
    const photos = await repo.listPhotos(tenantId, [row.id]);
    const missing = missingForPublication({
      title: row.title as { uk: string; en: string },
      summary: row.summary as { uk: string; en: string },
      body: row.body as { uk: string; en: string },
      photoAlts: photos.map((p) => p.alt as { uk: string; en: string }),
    });
    if (missing.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the story needs every text in Ukrainian and English first', {
        missing,
      });
    }
  }

  async function change(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    patch: Parameters<ReturnType<typeof createPortalRepository>['updateStory']>[3],
    after?: (trx: Database) => Promise<void>,
  ) {
    const row = await db.transaction().execute(async (trx) => {
      const updated = await createPortalRepository(trx).updateStory(actor.tenantId, id, version, {
        ...patch,
        updated_by: actor.userId,
      });
      if (!updated) throw stale();
      if (after) await after(trx);
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action: `portal.story.${action}`,
          entityType: 'portal_story',
          entityId: id,
        },
        trx,
      );
      return updated;
    });
    return (await present(actor.tenantId, [row]))[0]!;
  }

  return {
    async listStories(
      actor: Actor,
      q: { status?: StoryStatus | undefined; cursor?: string | undefined; limit: number },
    ) {
      assertCan(actor, 'portal.read');
      const after = decodeCursor(q.cursor, 2);
      const rows = await repo.listStories(
        actor.tenantId,
        q.status,
        after ? { updatedAt: String(after[0]), id: String(after[1]) } : undefined,
        q.limit,
      );
      const page = pageFrom(rows, q.limit, (r) => [iso(r.updated_at), r.id]);
      return { items: await present(actor.tenantId, page.items), next: page.next };
    },

    async getStory(actor: Actor, id: string) {
      assertCan(actor, 'portal.read');
      return (await present(actor.tenantId, [await loadRow(actor.tenantId, id)]))[0]!;
    },

    async createStory(actor: Actor, body: CreateStoryBody) {
      assertCan(actor, 'portal.manage');
      await checkFields(actor, body, null);
      const id = uuidv7();
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await createPortalRepository(trx).insertStory({
          tenant_id: actor.tenantId,
          id,
          slug: body.slug,
          title: JSON.stringify(body.title),
          summary: JSON.stringify(body.summary),
          body: JSON.stringify(body.body),
          place_pcode: body.placePcode,
          programme: body.programme,
          tags: body.tags,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await setPeople(trx, actor.tenantId, id, body.featuredPersonIds);
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'portal.story.created',
            entityType: 'portal_story',
            entityId: id,
          },
          trx,
        );
        return inserted;
      });
      return (await present(actor.tenantId, [row]))[0]!;
    },

    /** Editing sends a story under review or scheduled back to draft: it must be reviewed again. */
    async updateStory(actor: Actor, id: string, body: UpdateStoryBody) {
      assertCan(actor, 'portal.manage');
      const row = await loadRow(actor.tenantId, id);
      requireState(row, 'edit');
      await checkFields(actor, body, id);
      const { version, featuredPersonIds, title, summary, body: text, placePcode, ...rest } = body;
      return change(
        actor,
        id,
        version,
        'edited',
        {
          ...rest,
          ...(title ? { title: JSON.stringify(title) } : {}),
          ...(summary ? { summary: JSON.stringify(summary) } : {}),
          ...(text ? { body: JSON.stringify(text) } : {}),
          ...(placePcode !== undefined ? { place_pcode: placePcode } : {}),
          status: 'draft',
          publish_at: null,
        },
        featuredPersonIds ? (trx) => setPeople(trx, actor.tenantId, id, featuredPersonIds) : undefined,
      );
    },

    async submitStory(actor: Actor, id: string, version: number) {
      assertCan(actor, 'portal.manage');
      const row = await loadRow(actor.tenantId, id);
      requireState(row, 'submit');
      await requireComplete(actor.tenantId, row);
      await requireConsents(actor.tenantId, id);
      return change(actor, id, version, 'submitted', {
        status: 'review',
        review_note: null,
        unpublished_reason: null,
      });
    },

    async returnStory(actor: Actor, id: string, version: number, note: string) {
      assertCan(actor, 'portal.publish');
      requireState(await loadRow(actor.tenantId, id), 'return');
      return change(actor, id, version, 'returned', { status: 'draft', publish_at: null, review_note: note });
    },

    /** Publish now, or at `publishAt` (it waits as scheduled and goes public by itself then). */
    async publishStory(actor: Actor, id: string, version: number, publishAt: string | null) {
      assertCan(actor, 'portal.publish');
      const row = await loadRow(actor.tenantId, id);
      requireState(row, 'publish');
      await requireComplete(actor.tenantId, row);
      await requireConsents(actor.tenantId, id);
      const now = new Date();
      const at = publishAt === null ? now : new Date(publishAt);
      const later = at > now;
      return change(actor, id, version, later ? 'scheduled' : 'published', {
        status: later ? 'scheduled' : 'published',
        publish_at: later ? at : null,
        published_at: later ? at : now,
        published_by: actor.userId,
        unpublished_reason: null,
      });
    },

    async unpublishStory(actor: Actor, id: string, version: number, reason: string) {
      assertCan(actor, 'portal.publish');
      requireState(await loadRow(actor.tenantId, id), 'unpublish');
      return change(actor, id, version, 'unpublished', {
        status: 'unpublished',
        publish_at: null,
        unpublished_reason: reason,
      });
    },

    /** A photo: content checked, turned upright, resized, stripped of all metadata; original discarded. */
    async addPhoto(actor: Actor, id: string, bytes: Uint8Array, alt: { uk: string; en: string }) {
      assertCan(actor, 'portal.manage');
      const row = await loadRow(actor.tenantId, id);
      if (!['draft', 'unpublished'].includes(statusOf(row))) {
        throw new AppError('CONFLICT', 'photos can be changed while the story is a draft: edit it first', {
          status: statusOf(row),
        });
      }
      const { large, thumb } = await processStoryPhoto(bytes);
      await db.transaction().execute(async (trx) => {
        const r = createPortalRepository(trx);
        await r.insertPhoto({
          tenant_id: actor.tenantId,
          id: uuidv7(),
          story_id: id,
          position: await r.nextPhotoPosition(actor.tenantId, id),
          alt: JSON.stringify(alt),
          large: large.bytes,
          thumb: thumb.bytes,
          width: large.width,
          height: large.height,
          thumb_width: thumb.width,
          thumb_height: thumb.height,
          created_by: actor.userId,
        });
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'portal.story.photo_added',
            entityType: 'portal_story',
            entityId: id,
          },
          trx,
        );
      });
      return this.getStory(actor, id);
    },

    async deletePhoto(actor: Actor, id: string, photoId: string) {
      assertCan(actor, 'portal.manage');
      const row = await loadRow(actor.tenantId, id);
      if (!['draft', 'unpublished'].includes(statusOf(row))) {
        throw new AppError('CONFLICT', 'photos can be changed while the story is a draft: edit it first');
      }
      const removed = await repo.deletePhoto(actor.tenantId, id, photoId);
      if (!removed) throw notFound('photo');
      return this.getStory(actor, id);
    },

    /** Whether someone may be featured: their consent to story publication, and nothing else about them. */
    async consentCheck(actor: Actor, personId: string) {
      assertCan(actor, 'portal.manage');
      return {
        personId,
        consentHolds: await deps.consent.consentHolds(actor.tenantId, personId, 'story_publication'),
      };
    },

    /**
     * Listener for the people module: when someone withdraws consent to story publication, every
     * story featuring them that is public, scheduled or under review is taken down, in the same
     * transaction as the withdrawal.
     */
    async onConsentRecorded(trx: Database, e: ConsentRecorded) {
      if (e.purpose !== 'story_publication' || e.status !== 'withdrawn') return;
      const r = createPortalRepository(trx);
      for (const s of await r.storiesFeaturing(e.tenantId, e.personId)) {
        await r.takeDown(e.tenantId, s.id, CONSENT_WITHDRAWN, e.actor.userId);
        await deps.audit.recordAudit(
          {
            tenantId: e.tenantId,
            actor: e.actor,
            action: 'portal.story.unpublished',
            entityType: 'portal_story',
            entityId: s.id,
            meta: { reason: CONSENT_WITHDRAWN, was: s.status },
          },
          trx,
        );
      }
    },
  };
}

export type PortalStoriesService = ReturnType<typeof createPortalStoriesService>;
