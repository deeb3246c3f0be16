import type {
  FeedbackFollowUp,
  FeedbackReceipt,
  FollowUpBody,
  RecordFeedbackBody,
  SubmitFeedbackBody,
} from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Crypto, safeEqual } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { createAuditService } from '../access/audit.service.ts';
import { createFeedbackRepository } from './feedback.repository.ts';
import {
  dueDateFor,
  formatReference,
  newReferenceCode,
  newSecret,
  normaliseCode,
  SECRET_PURPOSE,
} from './feedback.rules.ts';

const PUBLIC_ACTOR = { userId: null, label: 'public feedback form' } as const;

/** Feedback coming in (the public form, staff recording it) and the public follow-up by code and secret. */
export function createFeedbackIntakeService(
  db: Database,
  deps: { crypto: Crypto; audit: ReturnType<typeof createAuditService> },
  now: () => Date,
) {
  const repo = createFeedbackRepository(db);

  async function receive(
    tenantId: string,
    input: SubmitFeedbackBody & { channel: RecordFeedbackBody['channel'] },
    actor: Pick<Actor, 'userId' | 'label'> | typeof PUBLIC_ACTOR,
  ): Promise<FeedbackReceipt> {
    const received = now();
    const secret = newSecret();
    const contact = input.anonymous ? undefined : input.contact?.trim() || undefined;
    const dueAt = dueDateFor(input.category, received);
    for (let attempt = 0; ; attempt++) {
      const id = uuidv7();
      const referenceCode = newReferenceCode();
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insert(
            {
              tenant_id: tenantId,
              id,
              reference_code: referenceCode,
              secret_hash: deps.crypto.keyedHash(normaliseCode(secret), SECRET_PURPOSE),
              category: input.category,
              channel: input.channel,
              text: input.text,
              anonymous: input.anonymous,
              contact_enc: contact ? deps.crypto.encrypt(contact) : null,
              place_pcode: input.placePcode ?? null,
              programme: input.programme ?? null,
              language: input.language,
              due_at: dueAt,
              created_at: received,
              updated_at: received,
              created_by: actor.userId,
            },
            trx,
          );
          // No text or contact in the audit log: only what was received and when it is due.
          await deps.audit.recordAudit(
            {
              tenantId,
              actor,
              action: 'feedback.received',
              entityType: 'feedback',
              entityId: id,
              after: { category: input.category, channel: input.channel, anonymous: input.anonymous },
            },
            trx,
          );
        });
        return { referenceCode, secret, category: input.category, dueAt: iso(dueAt) };
      } catch (error) {
        // A reference code already taken (30⁸ codes: rare); draw another.
        if (attempt < 3 && /feedback_items_reference_uq|unique/i.test(String(error))) continue;
        throw error;
      }
    }
  }

  return {
    /** From the public form or the JSON API: anonymous unless a contact is given and kept. */
    submitPublic(tenantId: string, input: SubmitFeedbackBody) {
      return receive(tenantId, { ...input, channel: 'web' }, PUBLIC_ACTOR);
    },

    /** Staff record what came by the hotline, in person or by letter. */
    record(actor: Actor, input: RecordFeedbackBody) {
      assertCan(actor, 'feedback.handle');
      return receive(actor.tenantId, input, actor);
    },

    /** Code and secret, compared in constant time; one answer for "no such code" and "wrong secret". */
    async followUp(tenantId: string, body: FollowUpBody): Promise<FeedbackFollowUp> {
      const code = formatReference(body.referenceCode);
      const row = code ? await repo.findByReference(tenantId, code) : undefined;
      const given = deps.crypto.keyedHash(normaliseCode(body.secret), SECRET_PURPOSE);
      const ok = safeEqual(given, row?.secret_hash ?? deps.crypto.keyedHash('-', SECRET_PURPOSE));
      if (!row || !ok) throw new AppError('NOT_FOUND', 'no feedback with this reference code and secret');
      const responses = await repo.responses(tenantId, row.id, true);
      return {
        referenceCode: row.reference_code,
        category: row.category,
        status: row.status,
        submittedAt: iso(row.created_at),
        closedAt: row.closed_at ? iso(row.closed_at) : null,
        responses: responses.map((r) => ({ text: r.text, at: iso(r.created_at) })),
      };
    },
  };
}
