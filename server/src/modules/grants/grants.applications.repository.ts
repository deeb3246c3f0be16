import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GrantApplicationDocumentsTable, GrantApplicationsTable } from '../../db/schema.ts';

export const APPLICATION_COLUMNS = [
  'a.tenant_id',
  'a.id',
  'a.version',
  'a.call_id',
  'a.reference_code',
  'a.secret_hash',
  'a.status',
  'a.language',
  'a.answers',
  'a.applicant_encrypted',
  'a.business_id_kind',
  'a.business_id_hash',
  'a.business_id_masked',
  'a.oblast_pcode',
  'a.groups',
  'a.requested_minor',
  'a.currency',
  'a.person_id',
  'a.submitted_at',
  'a.created_at',
  'a.updated_at',
  'a.updated_by',
] as const;

export interface ApplicationFilters {
  status?: string | undefined;
  oblast?: string | undefined;
  /** true: screened eligible (after any override); false: screened ineligible. */
  eligible?: boolean | undefined;
  oblastScope: readonly string[] | null;
}

const finalResult = sql<string | null>`coalesce(s.override_result, s.automatic_result)`;

export function createApplicationsRepository(db: Database) {
  const base = (tenantId: string) =>
    db.selectFrom('grant_applications as a').select(APPLICATION_COLUMNS).where('a.tenant_id', '=', tenantId);

  return {
    async insertApplication(row: Insertable<GrantApplicationsTable>) {
      await db.insertInto('grant_applications').values(row).execute();
    },

    findApplication(tenantId: string, id: string, forUpdate = false) {
      let q = base(tenantId).where('a.id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    findByReference(tenantId: string, referenceCode: string) {
      return base(tenantId).where('a.reference_code', '=', referenceCode).executeTakeFirst();
    },

    /** Optimistic concurrency: nothing changes (false) when the version is stale. */
    async updateApplication(
      tenantId: string,
      id: string,
      version: number,
      patch: Updateable<GrantApplicationsTable>,
    ) {
      const r = await db
        .updateTable('grant_applications')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Another live application of the same business to the same call, if any. */
    findOtherByBusiness(tenantId: string, callId: string, businessHash: string, exceptId: string) {
      return db
        .selectFrom('grant_applications')
        .select(['id', 'reference_code'])
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .where('business_id_hash', '=', businessHash)
        .where('status', 'not in', ['draft', 'withdrawn'])
        .where('id', '!=', exceptId)
        .executeTakeFirst();
    },

    listApplications(
      tenantId: string,
      callId: string,
      f: ApplicationFilters,
      after: string | undefined,
      limit: number,
    ) {
      let q = db
        .selectFrom('grant_applications as a')
        .leftJoin('grant_screenings as s', (j) =>
          j.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.application_id', '=', 'a.id'),
        )
        .select([...APPLICATION_COLUMNS, finalResult.as('screening_result')])
        .where('a.tenant_id', '=', tenantId)
        .where('a.call_id', '=', callId)
        .orderBy('a.id', 'desc')
        .limit(limit + 1);
      if (f.status) q = q.where('a.status', '=', f.status);
      if (f.oblast) q = q.where('a.oblast_pcode', 'like', `${f.oblast}%`);
      if (f.eligible !== undefined) q = q.where(finalResult, '=', f.eligible ? 'eligible' : 'ineligible');
      if (f.oblastScope) {
        const scope = f.oblastScope;
        q = q.where((eb) => eb.or(scope.map((o) => eb('a.oblast_pcode', 'like', `${o}%`))));
      }
      if (after) q = q.where('a.id', '<', after);
      return q.execute();
    },

    /** Submitted applications of a call that screening has not decided yet (or all submitted ones). */
    async listIdsToScreen(tenantId: string, callId: string) {
      const rows = await db
        .selectFrom('grant_applications')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .where('status', 'in', ['submitted', 'screened_eligible', 'screened_ineligible'])
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },

    // ---- documents ----

    async insertDocument(row: Insertable<GrantApplicationDocumentsTable>) {
      await db.insertInto('grant_application_documents').values(row).execute();
    },

    listDocuments(tenantId: string, applicationId: string) {
      return db
        .selectFrom('grant_application_documents as d')
        .innerJoin('files as f', (j) =>
          j.onRef('f.tenant_id', '=', 'd.tenant_id').onRef('f.id', '=', 'd.file_id'),
        )
        .select([
          'd.id',
          'd.kind',
          'd.file_id',
          'd.created_at',
          'f.original_name',
          'f.media_type',
          'f.size_bytes',
        ])
        .where('d.tenant_id', '=', tenantId)
        .where('d.application_id', '=', applicationId)
        .where('f.deleted_at', 'is', null)
        .orderBy('d.created_at')
        .orderBy('d.id')
        .execute();
    },

    findDocument(tenantId: string, applicationId: string, documentId: string) {
      return db
        .selectFrom('grant_application_documents')
        .select(['id', 'kind', 'file_id'])
        .where('tenant_id', '=', tenantId)
        .where('application_id', '=', applicationId)
        .where('id', '=', documentId)
        .executeTakeFirst();
    },

    async deleteDocument(tenantId: string, documentId: string) {
      await db
        .deleteFrom('grant_application_documents')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', documentId)
        .execute();
    },

    /** Whether a file is one of this application's documents. */
    async ownsFile(tenantId: string, applicationId: string, fileId: string) {
      const row = await db
        .selectFrom('grant_application_documents')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('application_id', '=', applicationId)
        .where('file_id', '=', fileId)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type ApplicationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createApplicationsRepository>['findApplication']>>
>;
export type DocumentRow = Awaited<
  ReturnType<ReturnType<typeof createApplicationsRepository>['listDocuments']>
>[number];
