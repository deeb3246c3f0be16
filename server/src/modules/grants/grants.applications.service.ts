import type {
  ApplicationStatusView,
  PublicMessage,
  SaveDraftBody,
  StartApplicationBody,
} from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Crypto, safeEqual } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { FilesService } from '../files/files.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import type { PlacesService } from '../places/places.service.ts';
import { createDocumentsPart } from './grants.applications.documents.ts';
import {
  answersOf,
  openApplicant,
  openSealed,
  sealApplicant,
  toApplicantApplication,
} from './grants.applications.mapper.ts';
import { type ApplicationRow, createApplicationsRepository } from './grants.applications.repository.ts';
import {
  answeredFileIds,
  checkBusinessId,
  fileQuestions,
  formatReference,
  isUniqueViolation,
  maskBusinessId,
  missingForSubmission,
  newReferenceCode,
  newSecret,
  normaliseCode,
  publicStatusOf,
  SECRET_PURPOSE,
} from './grants.applications.rules.ts';
import { documentsOf } from './grants.calls.mapper.ts';
import type { CallRow } from './grants.calls.repository.ts';
import { acceptsApplications, type CallsService, type FormsPort } from './grants.calls.service.ts';

const PUBLIC = { userId: null, label: 'public applicant' } as const;

/** Messages the applicant may read on its status page (the notification outbox provides them). */
export type PublicMessagesProvider = (tenantId: string, applicationId: string) => Promise<PublicMessage[]>;

export interface ApplicationsDeps {
  crypto: Crypto;
  audit: AuditService;
  calls: CallsService;
  files: FilesService;
  forms: FormsPort | null;
  places: Pick<PlacesService, 'isKnownPlace'>;
}

export { APPLICATION_FILE_OWNER } from './grants.applications.documents.ts';

/**
 * A public application with no account: a draft with a reference code and a secret, answers saved
 * as often as the applicant likes, documents uploaded, then submitted once, before the call closes.
 */
export function createApplicationsService(db: Database, deps: ApplicationsDeps) {
  const repo = createApplicationsRepository(db);
  let publicMessages: PublicMessagesProvider = async () => [];

  /** Reference code and secret, compared in constant time; one answer for "no such code" and "wrong secret". */
  async function authenticate(tenantId: string, reference: string, secret: string) {
    const code = formatReference(reference);
    const row = code ? await repo.findByReference(tenantId, code) : undefined;
    const given = deps.crypto.keyedHash(normaliseCode(secret), SECRET_PURPOSE);
    const ok = safeEqual(given, row?.secret_hash ?? deps.crypto.keyedHash('-', SECRET_PURPOSE));
    if (!row || !ok) {
      throw new AppError('NOT_FOUND', 'no application with this reference code and secret: check both');
    }
    return row;
  }

  async function callOf(row: Pick<ApplicationRow, 'tenant_id' | 'call_id'>) {
    const call = await deps.calls.findCall(row.tenant_id, row.call_id);
    if (!call) throw new AppError('NOT_FOUND', 'call not found');
    return call;
  }

  function requireOpen(call: CallRow) {
    if (!acceptsApplications(call)) {
      const closed = new Date(call.closes_at);
      throw new AppError(
        'CONFLICT',
        closed.getTime() <= Date.now() || call.status === 'closed'
          ? `the call closed on ${closed.toISOString().slice(0, 10)}: applications are no longer accepted`
          : 'the call is not open for applications',
        { closesAt: closed.toISOString() },
      );
    }
  }

  function requireDraft(row: ApplicationRow) {
    if (row.status !== 'draft') {
      throw new AppError('CONFLICT', 'the application has been submitted and can no longer change');
    }
  }

  const stale = () =>
    new AppError(
      'VERSION_CONFLICT',
      'the application was saved elsewhere meanwhile (another tab or device): reload it and apply your changes again',
    );

  /** Checks the draft fields sent and turns them into columns; problems are gathered, then refused. */
  async function draftColumns(
    call: CallRow,
    body: Partial<Omit<StartApplicationBody, 'language'>> & { language?: 'uk' | 'en' | undefined },
    existing: ApplicationRow | null,
  ) {
    const problems = new FieldProblems();
    const cols: Record<string, unknown> = {};
    if (body.language !== undefined) cols.language = body.language;
    const sealed = openSealed(deps.crypto, existing?.applicant_encrypted ?? null);
    if (body.applicant !== undefined) sealed.applicant = body.applicant;
    if (body.businessId !== undefined) {
      if (body.businessId === null) {
        sealed.businessId = null;
        Object.assign(cols, { business_id_kind: null, business_id_hash: null, business_id_masked: null });
      } else {
        const checked = checkBusinessId(body.businessId.kind, body.businessId.value);
        if ('problem' in checked) problems.add('businessId.value', checked.problem);
        else {
          sealed.businessId = checked.canonical;
          Object.assign(cols, {
            business_id_kind: body.businessId.kind,
            // Both kinds hash under one purpose: a sole trader's РНОКПП is its business's number.
            business_id_hash: deps.crypto.keyedHash(checked.canonical, 'grant-business-id'),
            business_id_masked: maskBusinessId(checked.canonical),
          });
        }
      }
    }
    if (body.applicant !== undefined || body.businessId !== undefined) {
      cols.applicant_encrypted = sealApplicant(deps.crypto, sealed);
    }
    if (body.oblastPcode !== undefined) {
      if (body.oblastPcode && !(await deps.places.isKnownPlace(body.oblastPcode)))
        problems.add('oblastPcode', `unknown P-code ${body.oblastPcode}`);
      cols.oblast_pcode = body.oblastPcode;
    }
    if (body.groups !== undefined) cols.groups = [...new Set(body.groups)];
    if (body.requestedAmountMinor !== undefined) cols.requested_minor = body.requestedAmountMinor;
    let formProblems: unknown[] = [];
    if (body.answers !== undefined) {
      const form = await deps.calls.formOf(call);
      let answers = body.answers;
      if (form && deps.forms) {
        const checked = deps.forms.validate(form, body.answers, 'draft');
        formProblems = checked.problems;
        answers = checked.answers;
      }
      const names = new Set(fileQuestions(form).keys());
      for (const id of answeredFileIds(answers, names)) {
        if (!existing || !(await repo.ownsFile(existing.tenant_id, existing.id, id)))
          problems.add('answers', `file ${id} is not one of this application's documents`);
      }
      cols.answers = JSON.stringify(answers);
    }
    if (problems.list.length > 0 || formProblems.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'the application is not valid', {
        fields: problems.list,
        problems: formProblems,
      });
    }
    return cols;
  }

  return {
    /** The outbox (or any module) tells applicants things; the status page shows them. */
    setPublicMessagesProvider(provider: PublicMessagesProvider) {
      publicMessages = provider;
    },

    authenticate,

    async startApplication(tenantId: string, callId: string, body: StartApplicationBody) {
      const call = await deps.calls.findCall(tenantId, callId);
      if (!call || call.status === 'draft') throw new AppError('NOT_FOUND', 'call not found');
      requireOpen(call);
      const cols = await draftColumns(call, body, null);
      const secret = newSecret();
      const id = uuidv7();
      for (let attempt = 0; ; attempt++) {
        const referenceCode = newReferenceCode();
        try {
          await db.transaction().execute(async (trx) => {
            await createApplicationsRepository(trx).insertApplication({
              tenant_id: tenantId,
              id,
              call_id: call.id,
              reference_code: referenceCode,
              secret_hash: deps.crypto.keyedHash(normaliseCode(secret), SECRET_PURPOSE),
              status: 'draft',
              language: body.language,
              answers: '{}',
              currency: call.currency,
              groups: [],
              ...cols,
            });
            await deps.audit.recordAudit(
              {
                tenantId,
                actor: PUBLIC,
                action: 'grant_application.started',
                entityType: 'grant_application',
                entityId: id,
                meta: { callId: call.id, referenceCode },
              },
              trx,
            );
          });
          return { referenceCode, secret, status: 'draft' as const, version: 1 };
        } catch (error) {
          if (attempt < 4 && isUniqueViolation(error, 'grant_applications_reference_uq')) continue;
          throw error;
        }
      }
    },

    async getOwnApplication(tenantId: string, reference: string, secret: string) {
      const row = await authenticate(tenantId, reference, secret);
      const call = await callOf(row);
      return toApplicantApplication(
        deps.crypto,
        row,
        await repo.listDocuments(tenantId, row.id),
        call.closes_at,
      );
    },

    async saveDraft(tenantId: string, reference: string, secret: string, body: SaveDraftBody) {
      const row = await authenticate(tenantId, reference, secret);
      requireDraft(row);
      const call = await callOf(row);
      requireOpen(call);
      const cols = await draftColumns(call, body, row);
      if (!(await repo.updateApplication(tenantId, row.id, body.version, cols))) throw stale();
      return this.getOwnApplication(tenantId, reference, secret);
    },

    ...createDocumentsPart(db, deps, { authenticate, requireDraft, callOf, requireOpen }),

    async submit(tenantId: string, reference: string, secret: string, version: number) {
      const row = await authenticate(tenantId, reference, secret);
      requireDraft(row);
      const call = await callOf(row);
      requireOpen(call);
      if (row.version !== version) throw stale();

      const problems = missingForSubmission(
        call.kind,
        documentsOf(call),
        row,
        openApplicant(deps.crypto, row.applicant_encrypted),
        await repo.listDocuments(tenantId, row.id),
      );
      let formProblems: unknown[] = [];
      const form = await deps.calls.formOf(call);
      if (form && deps.forms) formProblems = deps.forms.validate(form, answersOf(row), 'submit').problems;
      if (problems.length > 0 || formProblems.length > 0) {
        throw new AppError('VALIDATION_FAILED', 'the application is not complete', {
          fields: problems,
          problems: formProblems,
        });
      }
      const duplicate = () =>
        new AppError(
          'CONFLICT',
          `an application for this business (${row.business_id_kind === 'edrpou' ? 'ЄДРПОУ' : 'РНОКПП'} ${row.business_id_masked}) has already been submitted to this call: one application per business per call`,
        );
      if (
        row.business_id_hash &&
        (await repo.findOtherByBusiness(tenantId, call.id, row.business_id_hash, row.id))
      ) {
        throw duplicate();
      }
      const submittedAt = new Date();
      try {
        await db.transaction().execute(async (trx) => {
          const ok = await createApplicationsRepository(trx).updateApplication(tenantId, row.id, version, {
            status: 'submitted',
            submitted_at: submittedAt,
          });
          if (!ok) throw stale();
          await deps.audit.recordAudit(
            {
              tenantId,
              actor: PUBLIC,
              action: 'grant_application.submitted',
              entityType: 'grant_application',
              entityId: row.id,
              meta: { callId: call.id, referenceCode: row.reference_code },
            },
            trx,
          );
        });
      } catch (error) {
        // Two submissions racing for one business: the database keeps one.
        if (isUniqueViolation(error, 'grant_applications_business_uq')) throw duplicate();
        throw error;
      }
      return {
        referenceCode: row.reference_code,
        status: 'submitted' as const,
        submittedAt: submittedAt.toISOString(),
      };
    },

    async statusOf(tenantId: string, reference: string, secret: string): Promise<ApplicationStatusView> {
      const row = await authenticate(tenantId, reference, secret);
      const call = await callOf(row);
      return {
        referenceCode: row.reference_code,
        callTitle: call.title as ApplicationStatusView['callTitle'],
        status: publicStatusOf(row.status),
        submittedAt: iso(row.submitted_at),
        updatedAt: iso(row.updated_at),
        messages: await publicMessages(tenantId, row.id),
      };
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
