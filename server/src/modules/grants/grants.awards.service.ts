import type { GrantAward, TrancheInput } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { OrganisationsService } from '../access/organisations.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import type { PlacesService } from '../places/places.service.ts';
import { DEFAULT_OBLIGATIONS } from './grants.agreement.pdf.ts';
import { createApplicationsRepository } from './grants.applications.repository.ts';
import { renderAwardAgreement } from './grants.awards.agreement.ts';
import { type AwardRow, createAwardsRepository, type TrancheRow } from './grants.awards.repository.ts';
import { checkPlan } from './grants.awards.rules.ts';
import { createCallsRepository } from './grants.calls.repository.ts';
import { scopeOfCall } from './grants.calls.service.ts';
import { createCommitteeRepository } from './grants.committee.repository.ts';
import { scopeOfApplication } from './grants.reviews.mapper.ts';
import { moveApplicationStatus } from './grants.reviews.repository.ts';

const today = () => new Date().toISOString().slice(0, 10);

type AwardAction =
  | 'grants.awards.read'
  | 'grants.awards.manage'
  | 'grants.payments.record'
  | 'grants.monitoring.read'
  | 'grants.monitoring.write';

/** Turns a plan into rows: tranches numbered from 1, lines numbered within their tranche. */
function planRows(tenantId: string, awardId: string, tranches: readonly TrancheInput[]) {
  const trancheRows = tranches.map((t, i) => ({
    tenant_id: tenantId,
    id: uuidv7(),
    award_id: awardId,
    seq: i + 1,
    amount_minor: t.amountMinor,
    due_date: t.dueDate,
    condition: t.condition,
    modality: t.modality,
  }));
  const itemRows = tranches.flatMap((t, i) =>
    t.items.map((it, j) => ({
      tenant_id: tenantId,
      id: uuidv7(),
      tranche_id: trancheRows[i]!.id,
      seq: j + 1,
      item: it.item,
      quantity: it.quantity,
      unit_cost_minor: it.unitCostMinor,
      supplier: it.supplier,
    })),
  );
  return { trancheRows, itemRows };
}

function throwPlanProblems(awardMinor: number, tranches: readonly TrancheInput[]) {
  const p = new FieldProblems();
  for (const x of checkPlan(awardMinor, tranches)) p.add(x.field, x.message);
  p.throwIfAny();
}

/**
 * Awards: made from an approved decision, with a disbursement plan in tranches (cash, or in kind
 * with procurement lines) that adds up to the award, and a grant agreement rendered as a PDF.
 */
export function createAwardsService(
  db: Database,
  deps: {
    crypto: Crypto;
    audit: AuditService;
    organisations: Pick<OrganisationsService, 'getOrganisation'>;
    places: Pick<PlacesService, 'getPlace'>;
  },
) {
  const repo = createAwardsRepository(db);
  const calls = createCallsRepository(db);

  async function toAward(a: AwardRow, given?: TrancheRow[]): Promise<GrantAward> {
    const tranches = given ?? (await repo.listTranches(a.tenant_id, [a.id]));
    const items = await repo.listItems(
      a.tenant_id,
      tranches.map((t) => t.id),
    );
    const planned = tranches.reduce((s, t) => s + Number(t.amount_minor), 0);
    return {
      id: a.id,
      version: a.version,
      callId: a.call_id,
      applicationId: a.application_id,
      referenceCode: a.reference_code,
      decisionId: a.decision_id,
      amountMinor: Number(a.amount_minor),
      currency: a.currency,
      paidMinor: Number(a.paid_minor),
      language: a.language,
      obligations: a.obligations as string[],
      issuedOn: a.issued_on,
      status: a.status,
      planComplete: tranches.length > 0 && planned === Number(a.amount_minor),
      tranches: tranches.map((t) => ({
        id: t.id,
        seq: t.seq,
        amountMinor: Number(t.amount_minor),
        paidMinor: Number(t.paid_minor),
        dueDate: t.due_date,
        condition: t.condition,
        modality: t.modality,
        items: items
          .filter((it) => it.tranche_id === t.id)
          .map((it) => ({
            item: it.item,
            quantity: it.quantity,
            unitCostMinor: Number(it.unit_cost_minor),
            totalMinor: it.quantity * Number(it.unit_cost_minor),
            supplier: it.supplier,
          })),
      })),
      firstPaymentOn: a.first_paid_on,
      closure:
        a.status === 'closed' && a.closure_reason && a.closed_at
          ? { reason: a.closure_reason, note: a.closure_note, closedAt: iso(a.closed_at) }
          : null,
      createdAt: iso(a.created_at),
      updatedAt: iso(a.updated_at),
    };
  }

  /** An award the actor may act on, with its call (scope: the call's project and the application's oblast). */
  async function loadAward(actor: Actor, id: string, action: AwardAction) {
    const award = await repo.findAward(actor.tenantId, id);
    if (!award) throw notFound('award');
    const call = (await calls.findCall(actor.tenantId, award.call_id))!;
    assertCan(actor, action, { ...scopeOfCall(call), oblastPcode: award.oblast_pcode });
    return { award, call };
  }

  const stale = () =>
    new AppError('VERSION_CONFLICT', 'someone else changed this award meanwhile: reload it and try again');

  return {
    loadAward,
    toAward,

    /** Makes the award of an approved decision; the application becomes awarded. */
    async createAward(
      actor: Actor,
      body: {
        decisionId: string;
        language?: 'uk' | 'en' | undefined;
        obligations?: string[] | undefined;
        issuedOn?: string | undefined;
        tranches?: TrancheInput[] | undefined;
      },
    ) {
      const decision = await createCommitteeRepository(db).findDecision(actor.tenantId, body.decisionId);
      if (!decision) throw notFound('decision');
      const call = (await calls.findCall(actor.tenantId, decision.call_id))!;
      const app = (await createApplicationsRepository(db).findApplication(
        actor.tenantId,
        decision.application_id,
      ))!;
      assertCan(actor, 'grants.awards.manage', scopeOfApplication(call, app));
      if (decision.status !== 'approved' || decision.outcome !== 'approve') {
        throw new AppError('CONFLICT', 'an award is made from an approved decision to fund the application');
      }
      const amount = Number(decision.amount_minor);
      if (body.tranches) throwPlanProblems(amount, body.tranches);
      const language = body.language ?? app.language;
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        const r = createAwardsRepository(trx);
        if (
          !(await moveApplicationStatus(trx, actor.tenantId, app.id, ['approved'], 'awarded', actor.userId))
        ) {
          throw new AppError('CONFLICT', 'this application has an award already, or is no longer approved');
        }
        await r.insertAward({
          tenant_id: actor.tenantId,
          id,
          call_id: call.id,
          application_id: app.id,
          decision_id: decision.id,
          grantor_org_id: actor.organisationId,
          amount_minor: amount,
          currency: decision.currency,
          language,
          obligations: JSON.stringify(body.obligations ?? DEFAULT_OBLIGATIONS[language]),
          issued_on: body.issuedOn ?? today(),
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        if (body.tranches) {
          const { trancheRows, itemRows } = planRows(actor.tenantId, id, body.tranches);
          await r.replacePlan(actor.tenantId, id, trancheRows, itemRows);
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_award.created',
            entityType: 'grant_award',
            entityId: id,
            after: {
              applicationId: app.id,
              decisionId: decision.id,
              amountMinor: amount,
              currency: decision.currency,
              tranches: body.tranches?.length ?? 0,
            },
          },
          trx,
        );
      });
      return toAward((await repo.findAward(actor.tenantId, id))!);
    },

    async getAward(actor: Actor, id: string) {
      return toAward((await loadAward(actor, id, 'grants.awards.read')).award);
    },

    async listAwards(
      actor: Actor,
      q: {
        callId?: string | undefined;
        status?: 'active' | 'closed' | undefined;
        cursor?: string | undefined;
        limit: number;
      },
    ) {
      const after = decodeCursor(q.cursor, 1);
      const rows = (
        await repo.listAwards(
          actor.tenantId,
          { callId: q.callId, status: q.status, projectScope: actor.projectScope },
          after ? String(after[0]) : undefined,
          q.limit,
        )
      ).filter(
        (a) => !actor.oblastScope || actor.oblastScope.some((o) => (a.oblast_pcode ?? '').startsWith(o)),
      );
      const page = pageFrom(rows, q.limit, (r) => [r.id]);
      const tranches = await repo.listTranches(
        actor.tenantId,
        page.items.map((a) => a.id),
      );
      return {
        items: await Promise.all(
          page.items.map((a) =>
            toAward(
              a,
              tranches.filter((t) => t.award_id === a.id),
            ),
          ),
        ),
        next: page.next,
      };
    },

    /** Sets the disbursement plan; only before the first payment. */
    async setPlan(actor: Actor, id: string, body: { version: number; tranches: TrancheInput[] }) {
      const { award } = await loadAward(actor, id, 'grants.awards.manage');
      if (award.status === 'closed') throw new AppError('CONFLICT', 'the award is closed');
      throwPlanProblems(Number(award.amount_minor), body.tranches);
      await db.transaction().execute(async (trx) => {
        const r = createAwardsRepository(trx);
        const locked = await r.findAward(actor.tenantId, id, true);
        if (Number(locked!.paid_minor) > 0) {
          throw new AppError('CONFLICT', 'payments have been recorded: the plan can no longer change');
        }
        if (!(await r.updateAward(actor.tenantId, id, body.version, { updated_by: actor.userId })))
          throw stale();
        const { trancheRows, itemRows } = planRows(actor.tenantId, id, body.tranches);
        await r.replacePlan(actor.tenantId, id, trancheRows, itemRows);
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_award.plan_set',
            entityType: 'grant_award',
            entityId: id,
            after: {
              tranches: body.tranches.map((t) => ({
                amountMinor: t.amountMinor,
                dueDate: t.dueDate,
                modality: t.modality,
                items: t.items.length,
              })),
            },
          },
          trx,
        );
      });
      return toAward((await repo.findAward(actor.tenantId, id))!);
    },

    /** The grant agreement, in the award's language; its opening is audit-logged (it names the grantee). */
    async agreementPdf(actor: Actor, id: string, opts: { compress?: boolean } = {}) {
      const { award, call } = await loadAward(actor, id, 'grants.awards.read');
      const full = await toAward(award);
      if (!full.planComplete) {
        throw new AppError(
          'CONFLICT',
          'set the disbursement plan first: its tranches must add up to the award',
        );
      }
      const app = (await createApplicationsRepository(db).findApplication(
        actor.tenantId,
        award.application_id,
      ))!;
      const pdf = await renderAwardAgreement(
        deps,
        actor,
        { award: full, call, app, grantorId: award.grantor_org_id },
        opts,
      );
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'grant_award',
        entityId: id,
        action: 'grant_award.agreement_read',
      });
      return { pdf, fileName: `grant-agreement-${award.reference_code}.pdf` };
    },

    /** Closes an award (the end of monitoring, or earlier), with the reason; the application closes too. */
    async closeAward(
      actor: Actor,
      id: string,
      body: {
        version: number;
        reason: 'completed' | 'not_operating' | 'terminated' | 'other';
        note: string | null;
      },
    ) {
      const { award } = await loadAward(actor, id, 'grants.monitoring.write');
      if (award.status === 'closed') throw new AppError('CONFLICT', 'the award is closed already');
      if (body.reason === 'other' && !body.note) {
        const p = new FieldProblems();
        p.add('note', 'say why the award closes');
        p.throwIfAny();
      }
      await db.transaction().execute(async (trx) => {
        const done = await createAwardsRepository(trx).updateAward(actor.tenantId, id, body.version, {
          status: 'closed',
          closure_reason: body.reason,
          closure_note: body.note,
          closed_at: new Date(),
          closed_by: actor.userId,
          updated_by: actor.userId,
        });
        if (!done) throw stale();
        await moveApplicationStatus(
          trx,
          actor.tenantId,
          award.application_id,
          ['awarded'],
          'closed',
          actor.userId,
        );
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_award.closed',
            entityType: 'grant_award',
            entityId: id,
            after: { reason: body.reason, note: body.note },
          },
          trx,
        );
      });
      return toAward((await repo.findAward(actor.tenantId, id))!);
    },
  };
}

export type AwardsService = ReturnType<typeof createAwardsService>;
