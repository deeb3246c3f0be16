import { z } from 'zod';
import { locale, pageOf } from './common.contract.ts';

export const notificationStatus = z.enum(['queued', 'sent', 'failed']);
export type NotificationStatus = z.infer<typeof notificationStatus>;

/**
 * Where a message stands, for people: sent; waiting to be sent; not sent because no SMTP server
 * is configured (tell the person another way); or given up after the last attempt.
 */
export const notificationDelivery = z.enum([
  'sent',
  'sending',
  'not_sent_no_smtp',
  'not_sent_no_address',
  'failed',
]);

export const notification = z.object({
  id: z.uuid(),
  recipientKind: z.enum(['email', 'none']),
  /** The address with most of it hidden (o•••@example.org); the full address is never shown. */
  recipientMasked: z.string().nullable(),
  language: locale,
  templateKey: z.string(),
  subject: z.string(),
  body: z.string(),
  entityType: z.string(),
  entityId: z.uuid(),
  status: notificationStatus,
  delivery: notificationDelivery,
  attempts: z.number().int(),
  /** The error's kind (e.g. ECONNREFUSED, SMTP 550), never its text: servers echo addresses. */
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationsQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.uuid().optional(),
  status: notificationStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationsPage = pageOf(notification);
export type NotificationsPage = z.infer<typeof notificationsPage>;

export const notificationsDeliveryStarted = z.object({
  /** Messages handed to the sender now (queued ones that had no sending job yet). */
  scheduled: z.number().int(),
  smtpConfigured: z.boolean(),
});
