import type { GrantCallKind, GrantPayment, grantAssistanceTypes } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import type { Actor } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { ConsentService } from '../people/consent.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import { createApplicationsRepository } from './grants.applications.repository.ts';
import { createAwardsRepository } from './grants.awards.repository.ts';
import type { AwardsService } from './grants.awards.service.ts';
import { formatMoney } from './grants.eligibility.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The ledger type a grant payment is recorded under, by the kind of call. */
export const ASSISTANCE_TYPE: Record<GrantCallKind, (typeof grantAssistanceTypes)[number]> = {
  business: 'business_grant',
  youth: 'youth_grant',
  community: 'community_grant',
};

const isCheckViolation = (e: unknown) => (e as { code?: string })?.code === '23514';

/**
 * Payments against tranches, recorded by finance officers. A payment never takes a tranche (or
 * the award) past its amount: the service says so first, and the database refuses it anyway, also
 * when two payments race. Each payment writes one row to the assistance ledger, through the people
 * module, in the same transaction.
 */
export function createPaymentsService(
  db: Database,
  deps: {
    audit: AuditService;
    consent: Pick<ConsentService, 'recordAssistanceWithin'>;
    awards: Pick<AwardsService, 'loadAward' | 'toAward'>;
  },
) {
  const repo = createAwardsRepository(db);

  return {
    async recordPayment(
      actor: Actor,
      awardId: string,
      body: { trancheId: string; paidOn: string; amountMinor: number; reference: string },
    ) {
      const { award, call } = await deps.awards.loadAward(actor, awardId, 'grants.payments.record');
      const full = await deps.awards.toAward(award);
      if (award.status === 'closed') throw new AppError('CONFLICT', 'the award is closed: no more payments');
      if (!full.planComplete)
        throw new AppError(
          'CONFLICT',
          'set the disbursement plan first: its tranches must add up to the award',
        );
      const tranche = full.tranches.find((t) => t.id === body.trancheId);
      const problems = new FieldProblems();
      if (!tranche) problems.add('trancheId', 'not a tranche of this award');
      if (body.paidOn > today()) problems.add('paidOn', 'the payment date is in the future');
      problems.throwIfAny();
      const left = tranche!.amountMinor - tranche!.paidMinor;
      if (body.amountMinor > left) {
        throw new AppError(
          'UNPROCESSABLE',
          `the payment is more than what is left of tranche ${tranche!.seq} (${formatMoney(left, award.currency, 'en')}): payments never exceed the award`,
          {
            fields: [{ field: 'amountMinor', message: 'above what is left of the tranche' }],
            leftMinor: left,
          },
        );
      }
      const app = (await createApplicationsRepository(db).findApplication(
        actor.tenantId,
        award.application_id,
      ))!;
      if (!app.person_id) {
        throw new AppError(
          'UNPROCESSABLE',
          'link the application to the applicant’s record in the people registry first: every payment is written to the assistance ledger',
          { linkRequired: true, applicationId: app.id },
        );
      }
      const id = uuidv7();
      try {
        await db.transaction().execute(async (trx) => {
          const assistanceId = await deps.consent.recordAssistanceWithin(
            trx,
            actor,
            app.person_id!,
            {
              type: ASSISTANCE_TYPE[call.kind],
              date: body.paidOn,
              projectCode: call.project_id,
              placePcode: app.oblast_pcode,
              valueMinor: body.amountMinor,
              currency: award.currency,
              modality: tranche!.modality,
              note: `grant ${award.reference_code}, tranche ${tranche!.seq}`,
            },
            'grants',
          );
          await createAwardsRepository(trx).insertPayment({
            tenant_id: actor.tenantId,
            id,
            award_id: award.id,
            tranche_id: tranche!.id,
            paid_on: body.paidOn,
            amount_minor: body.amountMinor,
            currency: award.currency,
            reference: body.reference,
            assistance_id: assistanceId,
            created_by: actor.userId,
          });
          await deps.audit.recordAudit(
            {
              tenantId: actor.tenantId,
              actor,
              action: 'grant_payment.recorded',
              entityType: 'grant_award',
              entityId: award.id,
              after: {
                paymentId: id,
                trancheSeq: tranche!.seq,
                paidOn: body.paidOn,
                amountMinor: body.amountMinor,
                currency: award.currency,
                assistanceId,
              },
            },
            trx,
          );
        });
      } catch (error) {
        // Another payment got in first: the database's own check refused this one.
        if (isCheckViolation(error)) {
          throw new AppError(
            'CONFLICT',
            'another payment was recorded meanwhile and this one would exceed the tranche: reload',
            {
              trancheId: tranche!.id,
            },
          );
        }
        throw error;
      }
      return (await this.listPayments(actor, awardId)).items.find((p) => p.id === id)!;
    },

    async listPayments(actor: Actor, awardId: string): Promise<{ items: GrantPayment[] }> {
      await deps.awards.loadAward(actor, awardId, 'grants.awards.read');
      const rows = await repo.listPayments(actor.tenantId, awardId);
      return {
        items: rows.map((p) => ({
          id: p.id,
          awardId: p.award_id,
          trancheId: p.tranche_id,
          trancheSeq: p.tranche_seq,
          paidOn: p.paid_on,
          amountMinor: Number(p.amount_minor),
          currency: p.currency,
          reference: p.reference,
          assistanceId: p.assistance_id,
          createdAt: iso(p.created_at),
        })),
      };
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
