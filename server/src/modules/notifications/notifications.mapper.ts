import type { Notification } from '@oselia/contracts';
import type { NotificationRow } from '../../db/schema.ts';
import { iso } from '../../shared/iso.ts';

export function toNotification(r: NotificationRow, smtpConfigured: boolean): Notification {
  const delivery: Notification['delivery'] =
    r.status === 'sent'
      ? 'sent'
      : r.recipient_kind === 'none'
        ? 'not_sent_no_address'
        : r.status === 'failed'
          ? 'failed'
          : smtpConfigured
            ? 'sending'
            : 'not_sent_no_smtp';
  return {
    id: r.id,
    recipientKind: r.recipient_kind,
    recipientMasked: r.recipient_masked,
    language: r.language,
    templateKey: r.template_key,
    subject: r.subject,
    body: r.body,
    entityType: r.entity_type,
    entityId: r.entity_id,
    status: r.status,
    delivery,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: iso(r.created_at),
    sentAt: r.sent_at ? iso(r.sent_at) : null,
  };
}
