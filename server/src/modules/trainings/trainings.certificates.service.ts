import type { Certificate, CertificateVerification } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { randomToken } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AttendanceService } from './trainings.attendance.service.ts';
import { ledgerEntry, ledgerSource } from './trainings.attendance.service.ts';
import { formatCode, initialsOf, newCertificateCode, normaliseCode } from './trainings.certificates.code.ts';
import { renderCertificatePdf } from './trainings.certificates.pdf.ts';
import { createCertificatesRepository } from './trainings.certificates.repository.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEnrolmentRepository } from './trainings.enrolment.repository.ts';
import { eventFacts } from './trainings.enrolment.service.ts';
import type { EventsService } from './trainings.events.service.ts';
import { fullName } from './trainings.mapper.ts';
import { trainingMessage } from './trainings.messages.ts';

export const REPORTER_TOKEN_PURPOSE = 'trainings.reporter';
const today = () => new Date().toISOString().slice(0, 10);

type CertificateRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createCertificatesRepository>['findCertificate']>>
>;

const toCertificate = (r: CertificateRow): Certificate => ({
  id: r.id,
  applicationId: r.application_id,
  code: formatCode(r.code),
  holderName: r.holder_name,
  minutes: r.minutes,
  issuedAt: iso(r.issued_at),
  revokedAt: iso(r.revoked_at),
});

/** Certificates for those who completed, their PDF, and the public check of a code. */
export function createCertificatesService(
  db: Database,
  deps: TrainingsDeps,
  events: EventsService,
  attendance: AttendanceService,
) {
  const repo = createCertificatesRepository(db);
  const reportingLink = (token: string) => `${deps.publicUrl}/awareness/report/${token}`;

  return {
    reportingLink,

    /**
     * Issues a certificate to every completer who has none. Each also marks completion in the
     * assistance ledger (through the people service, when consent holds), gets a link to report
     * the awareness sessions they will run, and a message with both.
     */
    async issue(actor: Actor, eventId: string) {
      assertCan(actor, 'trainings.manage');
      const event = await events.loadRow(actor.tenantId, eventId);
      const list = await attendance.participants(actor.tenantId, event);
      const existing = await repo.byApplication(actor.tenantId, eventId);
      const due = list.filter((p) => p.completed && !existing.has(p.row.id));
      const names = await deps.people.namesOf(
        actor.tenantId,
        due.map((p) => p.row.person_id),
      );
      const issued = await db.transaction().execute(async (trx) => {
        const r = createCertificatesRepository(trx);
        const apps = createEnrolmentRepository(trx);
        const out: CertificateRow[] = [];
        for (const p of due) {
          const name = names.get(p.row.person_id);
          const cert = await r.insertCertificate({
            tenant_id: actor.tenantId,
            id: uuidv7(),
            event_id: eventId,
            application_id: p.row.id,
            code: newCertificateCode(),
            holder_name: name ? fullName(name) : '',
            minutes: p.minutes,
            issued_by: actor.userId,
          });
          out.push(cert);
          if (!p.row.ledger_completion_id) {
            try {
              const ledgerId = await deps.consent.recordAssistanceWithin(
                trx,
                actor,
                p.row.person_id,
                ledgerEntry(event, 'training_completion', [event.ends_on, today()].sort()[0]!),
                ledgerSource(eventId),
              );
              await apps.setLedgerIds(actor.tenantId, p.row.id, { ledger_completion_id: ledgerId });
            } catch (error) {
              if (!(error instanceof AppError && error.code === 'UNPROCESSABLE')) throw error;
            }
          }
          let token: string | null = null;
          if (!p.row.reporter_token_hash) {
            token = randomToken(24);
            await apps.setReporterToken(
              actor.tenantId,
              p.row.id,
              deps.crypto.keyedHash(token, REPORTER_TOKEN_PURPOSE),
              deps.crypto.encrypt(token),
            );
          } else if (p.row.reporter_token_encrypted)
            token = deps.crypto.decrypt(p.row.reporter_token_encrypted);
          const { subject, body } = trainingMessage(
            { kind: 'certificate', code: formatCode(cert.code), reportingLink: reportingLink(token!) },
            eventFacts(event),
            p.row.language,
          );
          const address = p.row.contact_encrypted ? deps.crypto.decrypt(p.row.contact_encrypted) : null;
          await deps.notifications.enqueueNotification(trx, {
            tenantId: actor.tenantId,
            recipient: address ? { kind: 'email', address } : null,
            language: p.row.language,
            templateKey: 'trainings.certificate',
            subject,
            body,
            entityType: 'training_application',
            entityId: p.row.id,
            createdBy: actor.userId,
          });
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.certificates_issued',
            entityType: 'training_event',
            entityId: eventId,
            meta: { issued: out.length },
          },
          trx,
        );
        return out;
      });
      await deps.notifications.scheduleDelivery(actor.tenantId);
      return {
        issued: issued.map(toCertificate),
        alreadyIssued: list.filter((p) => p.completed && existing.has(p.row.id)).length,
        notCompleted: list.filter((p) => !p.completed).length,
      };
    },

    async pdf(actor: Actor, certificateId: string) {
      assertCan(actor, 'trainings.participants.read');
      const c = await repo.findCertificate(actor.tenantId, certificateId);
      if (!c) throw notFound('certificate');
      const event = await events.loadRow(actor.tenantId, c.event_id);
      const org = await deps.organisations.getOrganisation(actor, event.organisation_id).catch(() => null);
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'training_certificate',
        entityId: c.id,
        action: 'training.certificate_downloaded',
      });
      const bytes = await renderCertificatePdf({
        holderName: c.holder_name,
        title: event.title as { uk: string; en: string },
        startsOn: event.starts_on,
        endsOn: event.ends_on,
        minutes: c.minutes,
        code: c.code,
        verifyUrl: `${deps.publicUrl}/verify/${formatCode(c.code)}`,
        issuer: org ? `${org.nameUk} / ${org.nameEn}` : '',
      });
      return { bytes, fileName: `certificate-${formatCode(c.code)}.pdf` };
    },

    async revoke(actor: Actor, certificateId: string, reason: string) {
      assertCan(actor, 'trainings.manage');
      const row = await db.transaction().execute(async (trx) => {
        const revoked = await createCertificatesRepository(trx).revoke(
          actor.tenantId,
          certificateId,
          reason,
          actor.userId,
        );
        if (!revoked) {
          if (await createCertificatesRepository(trx).findCertificate(actor.tenantId, certificateId))
            throw new AppError('CONFLICT', 'this certificate was revoked already');
          throw notFound('certificate');
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.certificate_revoked',
            entityType: 'training_certificate',
            entityId: certificateId,
            meta: { reason },
          },
          trx,
        );
        return revoked;
      });
      return toCertificate(row);
    },

    /** Anyone may check a code: valid or not, the training and dates, the holder's initials. */
    async verify(tenantId: string, typed: string): Promise<CertificateVerification> {
      const code = normaliseCode(typed);
      const c = code ? await repo.findByCode(tenantId, code) : undefined;
      if (!c || c.revoked_at)
        return { valid: false, code: code ? formatCode(code) : typed.trim().slice(0, 40) };
      const event = await events.loadRow(tenantId, c.event_id);
      return {
        valid: true,
        code: formatCode(c.code),
        holderInitials: initialsOf(c.holder_name),
        eventTitle: event.title as { uk: string; en: string },
        startsOn: event.starts_on,
        endsOn: event.ends_on,
      };
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
