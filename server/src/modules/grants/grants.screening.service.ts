import {
  type ApplicationStatus,
  grantAssistanceTypes,
  type Screening,
  type ScreeningResult,
} from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { ConsentService } from '../people/consent.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { answersOf, openApplicant, openSealed, toDocument, toSummary } from './grants.applications.mapper.ts';
import { type ApplicationRow, createApplicationsRepository } from './grants.applications.repository.ts';
import { rulesOf } from './grants.calls.mapper.ts';
import type { CallRow } from './grants.calls.repository.ts';
import type { CallsService } from './grants.calls.service.ts';
import {
  addMonths,
  evaluateEligibility,
  type LedgerFacts,
  ledgerWindowMonths,
  summariseEligibility,
} from './grants.eligibility.ts';
import { createScreeningRepository, type ScreeningRow } from './grants.screening.repository.ts';

/** States in which screening may (re)run or be overridden: before review starts. */
const SCREENABLE = new Set(['submitted', 'screened_eligible', 'screened_ineligible']);

const statusFor = (result: ScreeningResult): ApplicationStatus =>
  result === 'eligible' ? 'screened_eligible' : result === 'ineligible' ? 'screened_ineligible' : 'submitted';

function toScreening(r: ScreeningRow): Screening {
  const automatic = r.automatic_result;
  return {
    version: r.version,
    automaticResult: automatic,
    result: r.override_result ?? automatic,
    rules: r.rule_results as Screening['rules'],
    priorAssistance: r.prior_assistance as Screening['priorAssistance'],
    duplicates: r.duplicates as Screening['duplicates'],
    screenedAt: iso(r.screened_at),
    override:
      r.override_result && r.override_reason && r.overridden_at
        ? {
            result: r.override_result,
            reason: r.override_reason,
            by: r.overridden_by,
            at: iso(r.overridden_at),
          }
        : null,
  };
}

export const scopeOfApplication = (
  call: Pick<CallRow, 'project_id'>,
  app: Pick<ApplicationRow, 'oblast_pcode'>,
) => ({
  projectId: call.project_id,
  oblastPcode: app.oblast_pcode,
});

/**
 * Staff side of applications: lists, the full record, screening (automatic eligibility per rule,
 * the registry's duplicate and prior-assistance check) and a person's override with its reason.
 */
export function createScreeningService(
  db: Database,
  deps: {
    crypto: Crypto;
    audit: AuditService;
    calls: CallsService;
    people: Pick<PeopleService, 'findLikelyDuplicates' | 'getPeopleForReview'>;
    consent: Pick<ConsentService, 'assistanceReceivedSince'>;
  },
) {
  const apps = createApplicationsRepository(db);
  const screenings = createScreeningRepository(db);

  async function load(
    actor: Actor,
    id: string,
    action: 'grants.applications.read' | 'grants.screening.manage',
  ) {
    const app = await apps.findApplication(actor.tenantId, id);
    if (!app) throw notFound('application');
    const call = await deps.calls.findCall(actor.tenantId, app.call_id);
    if (!call) throw notFound('application');
    assertCan(actor, action, scopeOfApplication(call, app));
    return { app, call };
  }

  /** Changes the application (stale version → 409) and writes its audit entry, in one transaction. */
  async function changeApplication(
    trx: Database,
    actor: Actor,
    app: Pick<ApplicationRow, 'id' | 'version'>,
    patch: { status?: ApplicationStatus; person_id?: string },
    event: { action: string; before?: unknown; after?: unknown; meta?: unknown },
    version = app.version,
  ) {
    if (Object.keys(patch).length > 0) {
      const ok = await createApplicationsRepository(trx).updateApplication(actor.tenantId, app.id, version, {
        ...patch,
        updated_by: actor.userId,
      });
      if (!ok) throw new AppError('VERSION_CONFLICT', 'the application changed meanwhile: reload it');
    }
    await deps.audit.recordAudit(
      { tenantId: actor.tenantId, actor, entityType: 'grant_application', entityId: app.id, ...event },
      trx,
    );
  }

  /** Who the applicant is in the registry, and what they received. */
  async function registryFacts(actor: Actor, app: ApplicationRow, windowMonths: number, today: string) {
    const { applicant, businessId } = openSealed(deps.crypto, app.applicant_encrypted);
    let duplicates: Screening['duplicates'] = [];
    if (applicant) {
      const found = await deps.people.findLikelyDuplicates(actor, {
        familyName: applicant.familyName,
        givenName: applicant.givenName,
        patronymic: applicant.patronymic,
        birthDate: applicant.birthDate,
        sex: 'unknown',
        phones: applicant.phone ? [applicant.phone] : [],
        // A sole trader's РНОКПП is the person's own tax number: an exact match when registered.
        taxNumber: app.business_id_kind === 'rnokpp' ? businessId : null,
        limit: 5,
      });
      duplicates = found.candidates.map((c) => ({
        personId: c.personId,
        probability: c.probability,
        decision: c.decision,
      }));
    }
    const linked = app.person_id
      ? [app.person_id]
      : duplicates.filter((d) => d.decision === 'link').map((d) => d.personId);
    const unsure = duplicates.some((d) => d.decision === 'review');
    const since = addMonths(today, -Math.max(windowMonths, 12));
    const received = (
      await Promise.all(linked.map((p) => deps.consent.assistanceReceivedSince(actor.tenantId, p, since)))
    ).flat();
    const ledger: LedgerFacts =
      linked.length === 0 && unsure
        ? {
            checked: false,
            received: [],
            why: {
              uk: 'У реєстрі є можлива збіжна особа: пов’яжіть заявку з нею або підтвердьте, що це інша людина',
              en: 'The registry holds a possible match: link the application to it, or confirm it is someone else',
            },
          }
        : { checked: true, received };
    const grants = received.filter((r) => (grantAssistanceTypes as readonly string[]).includes(r.type));
    const priorAssistance: Screening['priorAssistance'] = {
      outcome: !ledger.checked ? 'unknown' : grants.length > 0 ? 'fail' : 'pass',
      personIds: linked,
      received,
      message: !ledger.checked
        ? ledger.why!
        : linked.length === 0
          ? { uk: 'У реєстрі заявника не знайдено', en: 'The applicant is not in the registry' }
          : grants.length === 0
            ? {
                uk: `Грантів з ${since} не знайдено (інша допомога: ${received.length})`,
                en: `No grant since ${since} (other assistance: ${received.length})`,
              }
            : {
                uk: `Гранти з ${since}: ${grants.map((g) => `${g.type} ${g.date}`).join(', ')}`,
                en: `Grants since ${since}: ${grants.map((g) => `${g.type} ${g.date}`).join(', ')}`,
              },
    };
    return { duplicates, ledger, priorAssistance };
  }

  async function screenOne(actor: Actor, id: string) {
    const { app, call } = await load(actor, id, 'grants.screening.manage');
    if (!SCREENABLE.has(app.status)) {
      throw new AppError('CONFLICT', `an application that is ${app.status} is not screened`);
    }
    const rules = rulesOf(call);
    const today = new Date().toISOString().slice(0, 10);
    const { duplicates, ledger, priorAssistance } = await registryFacts(
      actor,
      app,
      ledgerWindowMonths(rules),
      today,
    );
    const results = evaluateEligibility(rules, {
      answers: answersOf(app),
      oblastPcode: app.oblast_pcode,
      requestedMinor: app.requested_minor === null ? null : Number(app.requested_minor),
      currency: call.currency,
      maxPerGrantMinor: Number(call.max_per_grant_minor),
      today,
      ledger,
    });
    const automatic = summariseEligibility(results);
    return db.transaction().execute(async (trx) => {
      const row = await createScreeningRepository(trx).upsertScreening({
        tenant_id: actor.tenantId,
        id: uuidv7(),
        application_id: id,
        automatic_result: automatic,
        rule_results: JSON.stringify(results),
        prior_assistance: JSON.stringify(priorAssistance),
        duplicates: JSON.stringify(duplicates),
        screened_at: new Date(),
        screened_by: actor.userId,
      });
      const status = statusFor(row.override_result ?? automatic);
      await changeApplication(trx, actor, app, status !== app.status ? { status } : {}, {
        action: 'grant_application.screened',
        before: { status: app.status },
        after: { status, automaticResult: automatic },
        meta: { failed: results.filter((r) => r.outcome === 'fail').map((r) => r.type) },
      });
      return toScreening(row);
    });
  }

  return {
    screenApplication: screenOne,

    /** Screens every submitted application of a call that review has not taken up yet. */
    async screenCall(actor: Actor, callId: string) {
      const call = await deps.calls.findCall(actor.tenantId, callId);
      if (!call) throw notFound('call');
      assertCan(actor, 'grants.screening.manage', { projectId: call.project_id });
      const counts = { screened: 0, eligible: 0, ineligible: 0, needsReview: 0 };
      for (const id of await apps.listIdsToScreen(actor.tenantId, callId)) {
        const app = await apps.findApplication(actor.tenantId, id);
        // Outside the actor's oblasts: left for someone whose scope covers it.
        if (!app || (actor.oblastScope && !actor.oblastScope.some((o) => app.oblast_pcode?.startsWith(o))))
          continue;
        const s = await screenOne(actor, id);
        counts.screened++;
        if (s.result === 'eligible') counts.eligible++;
        else if (s.result === 'ineligible') counts.ineligible++;
        else counts.needsReview++;
      }
      return counts;
    },

    async overrideScreening(
      actor: Actor,
      id: string,
      body: { result: 'eligible' | 'ineligible'; reason: string; version: number },
    ) {
      const { app } = await load(actor, id, 'grants.screening.manage');
      if (!SCREENABLE.has(app.status)) {
        throw new AppError('CONFLICT', `an application that is ${app.status} can no longer be re-screened`);
      }
      const before = await screenings.findScreening(actor.tenantId, id);
      if (!before) throw new AppError('CONFLICT', 'run the automatic screening first');
      return db.transaction().execute(async (trx) => {
        const row = await createScreeningRepository(trx).updateScreening(
          actor.tenantId,
          before.id,
          body.version,
          {
            override_result: body.result,
            override_reason: body.reason,
            overridden_by: actor.userId,
            overridden_at: new Date(),
          },
        );
        if (!row) throw new AppError('VERSION_CONFLICT', 'the screening changed meanwhile: reload it');
        await changeApplication(
          trx,
          actor,
          app,
          { status: statusFor(body.result) },
          {
            action: 'grant_application.screening_overridden',
            before: { result: before.override_result ?? before.automatic_result, status: app.status },
            after: { result: body.result, status: statusFor(body.result) },
            meta: { reason: body.reason },
          },
        );
        return toScreening(row);
      });
    },

    /** Links the application to its person in the registry (payments and the ledger need one). */
    async linkPerson(actor: Actor, id: string, body: { personId: string; version: number }) {
      const { app } = await load(actor, id, 'grants.screening.manage');
      await deps.people.getPeopleForReview(actor, [body.personId]);
      await db.transaction().execute((trx) =>
        changeApplication(
          trx,
          actor,
          app,
          { person_id: body.personId },
          {
            action: 'grant_application.person_linked',
            before: { personId: app.person_id },
            after: { personId: body.personId },
          },
          body.version,
        ),
      );
      return this.getApplication(actor, id, false);
    },

    async listApplications(
      actor: Actor,
      callId: string,
      q: {
        status?: string | undefined;
        oblast?: string | undefined;
        eligible?: 'true' | 'false' | undefined;
        cursor?: string | undefined;
        limit: number;
      },
    ) {
      const call = await deps.calls.findCall(actor.tenantId, callId);
      if (!call) throw notFound('call');
      assertCan(actor, 'grants.applications.read', { projectId: call.project_id });
      const after = decodeCursor(q.cursor, 1);
      const rows = await apps.listApplications(
        actor.tenantId,
        callId,
        {
          status: q.status,
          oblast: q.oblast,
          eligible: q.eligible === undefined ? undefined : q.eligible === 'true',
          oblastScope: actor.oblastScope,
        },
        after ? String(after[0]) : undefined,
        q.limit,
      );
      const page = pageFrom(rows, q.limit, (r) => [r.id]);
      return {
        items: page.items.map((r) => toSummary(deps.crypto, r, r.screening_result as ScreeningResult | null)),
        next: page.next,
      };
    },

    /** The full application for staff; opening it is audit-logged (it holds personal data). */
    async getApplication(actor: Actor, id: string, logRead = true) {
      const { app } = await load(actor, id, 'grants.applications.read');
      const screening = await screenings.findScreening(actor.tenantId, id);
      if (logRead) {
        await deps.audit.recordRead({
          tenantId: actor.tenantId,
          actor,
          entityType: 'grant_application',
          entityId: id,
          action: 'grant_application.read',
        });
      }
      return {
        ...toSummary(
          deps.crypto,
          app,
          screening ? (screening.override_result ?? screening.automatic_result) : null,
        ),
        applicant: openApplicant(deps.crypto, app.applicant_encrypted),
        answers: answersOf(app),
        documents: (await apps.listDocuments(actor.tenantId, id)).map(toDocument),
        screening: screening ? toScreening(screening) : null,
        createdAt: iso(app.created_at),
        updatedAt: iso(app.updated_at),
      };
    },

    /** May this user read an application's files? (The files module asks.) */
    async canReadApplication(actor: Actor, id: string | null) {
      if (!id) return false;
      try {
        await load(actor, id, 'grants.applications.read');
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
