import { z } from 'zod';

/**
 * Feedback and complaints (accountability to the people served): anyone may write, anonymously or
 * with a contact; a reference code and a secret let them follow it up. Sensitive reports (fraud,
 * abuse, exploitation) are seen only by staff designated for them.
 */

export const feedbackCategory = z.enum(['question', 'request', 'complaint', 'sensitive']);
export type FeedbackCategory = z.infer<typeof feedbackCategory>;

export const feedbackChannel = z.enum(['web', 'hotline', 'in_person', 'email', 'letter', 'other']);
export type FeedbackChannel = z.infer<typeof feedbackChannel>;

export const feedbackStatus = z.enum(['new', 'in_progress', 'answered', 'closed']);
export type FeedbackStatus = z.infer<typeof feedbackStatus>;

export const feedbackLanguage = z.enum(['uk', 'en']);

const text = (max: number) => z.string().trim().max(max);
const iso = z.iso.datetime({ offset: true });

/** What a visitor sends (the public form and the JSON API). */
export const submitFeedbackBody = z.object({
  category: feedbackCategory,
  text: text(5000).min(5),
  /** Anonymous: no contact is kept even if one is typed. */
  anonymous: z.boolean().default(true),
  /** A phone number or an e-mail address, to be called back; encrypted at rest. */
  contact: text(200).optional(),
  placePcode: z
    .string()
    .regex(/^UA\d{2,}$/)
    .optional(),
  programme: text(60).optional(),
  language: feedbackLanguage.default('uk'),
});
export type SubmitFeedbackBody = z.infer<typeof submitFeedbackBody>;

/** Staff record feedback received on another channel (the hotline, in person). */
export const recordFeedbackBody = submitFeedbackBody.extend({ channel: feedbackChannel });
export type RecordFeedbackBody = z.infer<typeof recordFeedbackBody>;

/** Shown once: the reference code and the secret to follow up. */
export const feedbackReceipt = z.object({
  referenceCode: z.string(),
  secret: z.string(),
  category: feedbackCategory,
  dueAt: iso,
});
export type FeedbackReceipt = z.infer<typeof feedbackReceipt>;

export const followUpBody = z.object({
  referenceCode: z.string().trim().min(6).max(20),
  secret: z.string().trim().min(10).max(40),
});
export type FollowUpBody = z.infer<typeof followUpBody>;

/** What the submitter sees: status and public answers only. */
export const feedbackFollowUp = z.object({
  referenceCode: z.string(),
  category: feedbackCategory,
  status: feedbackStatus,
  submittedAt: iso,
  closedAt: iso.nullable(),
  responses: z.array(z.object({ text: z.string(), at: iso })),
});
export type FeedbackFollowUp = z.infer<typeof feedbackFollowUp>;

export const feedbackResponseVisibility = z.enum(['public', 'internal']);

export const feedbackResponse = z.object({
  id: z.uuid(),
  visibility: feedbackResponseVisibility,
  text: z.string(),
  by: z.string(),
  at: iso,
});

export const feedbackSummary = z.object({
  id: z.uuid(),
  referenceCode: z.string(),
  category: feedbackCategory,
  channel: feedbackChannel,
  status: feedbackStatus,
  anonymous: z.boolean(),
  excerpt: z.string(),
  language: feedbackLanguage,
  escalationLevel: z.number().int(),
  dueAt: iso,
  overdue: z.boolean(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: iso,
  version: z.number().int(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummary>;

export const feedbackItem = feedbackSummary.extend({
  text: z.string(),
  /** Decrypted for staff who may see the item; null when anonymous or none given. */
  contact: z.string().nullable(),
  placePcode: z.string().nullable(),
  programme: z.string().nullable(),
  resolution: z.string().nullable(),
  closedAt: iso.nullable(),
  escalationReason: z.string().nullable(),
  responses: z.array(feedbackResponse),
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

export const feedbackListQuery = z.object({
  category: feedbackCategory.optional(),
  status: feedbackStatus.optional(),
  overdue: z.stringbool().optional(),
  escalated: z.stringbool().optional(),
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  /** One item by its reference code, as the person gives it (case, spaces and dashes do not matter). */
  reference: z.string().trim().min(1).max(30).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** How many items of the queue's order to pass over: the page. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;

export const feedbackList = z.object({ items: z.array(feedbackSummary), total: z.number().int() });

const versioned = { version: z.number().int().min(1) };
export const respondFeedbackBody = z.object({
  ...versioned,
  visibility: feedbackResponseVisibility,
  text: text(5000).min(1),
});
export const assignFeedbackBody = z.object({ ...versioned, assigneeId: z.uuid().nullable() });
export const escalateFeedbackBody = z.object({ ...versioned, reason: text(1000).min(3) });
export const closeFeedbackBody = z.object({ ...versioned, resolution: text(2000).min(3) });
export type RespondFeedbackBody = z.infer<typeof respondFeedbackBody>;

/** Aggregates: counts by category (sensitive included as a number only) and median days to close. */
export const feedbackStats = z.object({
  byCategory: z.array(
    z.object({
      category: feedbackCategory,
      total: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      closed: z.number().int(),
      medianDaysToClose: z.number().nullable(),
    }),
  ),
  total: z.number().int(),
  medianDaysToClose: z.number().nullable(),
});
export type FeedbackStats = z.infer<typeof feedbackStats>;

/** Staff designated to handle sensitive reports. */
export const feedbackHandler = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  grantedAt: iso,
});
export const feedbackHandlers = z.object({ items: z.array(feedbackHandler) });
