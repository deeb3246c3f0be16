import type { FeedbackSummary } from '@oselia/contracts';
import { iso } from '../../shared/iso.ts';
import type { FeedbackRow } from './feedback.repository.ts';

/** Rows as the API shows them; shared by intake and case handling. */

export function summary(row: FeedbackRow, assigneeName: string | null, at: Date): FeedbackSummary {
  return {
    id: row.id,
    referenceCode: row.reference_code,
    category: row.category,
    channel: row.channel,
    status: row.status,
    anonymous: row.anonymous,
    excerpt: row.text.length > 140 ? `${row.text.slice(0, 139)}…` : row.text,
    language: row.language,
    escalationLevel: row.escalation_level,
    dueAt: iso(row.due_at),
    overdue: row.status !== 'closed' && new Date(row.due_at) < at,
    assigneeId: row.assignee_id,
    assigneeName,
    createdAt: iso(row.created_at),
    version: row.version,
  };
}
