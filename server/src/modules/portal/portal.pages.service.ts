import {
  type PortalPageContent,
  type PortalPageKey,
  portalPageKey,
  type SavePortalPageBody,
} from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import { DEFAULT_PAGES } from './portal.content.ts';
import { toPortalPage } from './portal.mapper.ts';
import { createPortalRepository, type PageRow } from './portal.repository.ts';

/** Fields left empty in English (Ukrainian is required by the contract). */
export function missingEnglish(c: PortalPageContent): string[] {
  return (['title', 'description', 'body'] as const)
    .filter((f) => c[f].en.trim() === '')
    .map((f) => `${f}.en`);
}

/**
 * The pages of the public site: communications officers edit a draft (Markdown), preview it and
 * publish it; the public sees the published version, or the default text until there is one.
 */
export function createPortalPagesService(db: Database, deps: { audit: AuditService }) {
  const repo = createPortalRepository(db);

  /** The page's row, created from the default text the first time anyone asks. */
  async function load(tenantId: string, key: PortalPageKey): Promise<PageRow> {
    const found = await repo.findPage(tenantId, key);
    if (found) return found;
    await repo.ensurePage({
      tenant_id: tenantId,
      id: uuidv7(),
      key,
      draft: JSON.stringify(DEFAULT_PAGES[key]),
    });
    return (await repo.findPage(tenantId, key))!;
  }

  const stale = () =>
    new AppError('VERSION_CONFLICT', 'someone else changed this page meanwhile: reload it and try again');

  return {
    async listPages(actor: Actor) {
      assertCan(actor, 'portal.read');
      const rows = await Promise.all(portalPageKey.options.map((k) => load(actor.tenantId, k)));
      return { items: rows.map(toPortalPage) };
    },

    async getPage(actor: Actor, key: PortalPageKey) {
      assertCan(actor, 'portal.read');
      return toPortalPage(await load(actor.tenantId, key));
    },

    async savePage(actor: Actor, key: PortalPageKey, body: SavePortalPageBody) {
      assertCan(actor, 'portal.manage');
      await load(actor.tenantId, key);
      return db.transaction().execute(async (trx) => {
        const row = await createPortalRepository(trx).updatePage(actor.tenantId, key, body.version, {
          draft: JSON.stringify(body.draft),
          updated_by: actor.userId,
        });
        if (!row) throw stale();
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'portal.page.saved',
            entityType: 'portal_page',
            entityId: row.id,
          },
          trx,
        );
        return toPortalPage(row);
      });
    },

    /** What the draft says becomes what the public reads; both languages are needed. */
    async publishPage(actor: Actor, key: PortalPageKey, version: number) {
      assertCan(actor, 'portal.publish');
      const current = await load(actor.tenantId, key);
      const draft = current.draft as PortalPageContent;
      const missing = missingEnglish(draft);
      if (missing.length > 0) {
        throw new AppError('UNPROCESSABLE', 'write the English text before publishing', { missing });
      }
      return db.transaction().execute(async (trx) => {
        const row = await createPortalRepository(trx).updatePage(actor.tenantId, key, version, {
          published: JSON.stringify(draft),
          published_at: new Date(),
          published_by: actor.userId,
          updated_by: actor.userId,
        });
        if (!row) throw stale();
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'portal.page.published',
            entityType: 'portal_page',
            entityId: row.id,
            after: draft,
          },
          trx,
        );
        return toPortalPage(row);
      });
    },

    /** The saved draft, for a staff preview. */
    async draftOf(actor: Actor, key: PortalPageKey): Promise<PortalPageContent> {
      assertCan(actor, 'portal.read');
      return (await load(actor.tenantId, key)).draft as PortalPageContent;
    },

    /** What the public reads: the published text, or the default one. Read-only (no row is created). */
    async publicContent(tenantId: string, key: PortalPageKey): Promise<PortalPageContent> {
      const row = await repo.findPage(tenantId, key);
      return (row?.published as PortalPageContent | null) ?? DEFAULT_PAGES[key];
    },
  };
}

export type PortalPagesService = ReturnType<typeof createPortalPagesService>;
