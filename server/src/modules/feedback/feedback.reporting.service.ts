import type { FeedbackCategory, FeedbackStats } from '@oselia/contracts';
import { feedbackCategory } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import { createFeedbackRepository } from './feedback.repository.ts';
import { daysBetween, median } from './feedback.rules.ts';

/** Reporting: aggregate statistics over all feedback. */
export function createFeedbackReportingService(db: Database, now: () => Date) {
  const repo = createFeedbackRepository(db);

  return {
    /** Aggregates over every item, sensitive ones included as numbers only. */
    async stats(actor: Actor): Promise<FeedbackStats> {
      assertCan(actor, 'feedback.stats');
      const rows = await repo.statsRows(actor.tenantId);
      const at = now();
      const closeDays = (rs: typeof rows) =>
        rs.filter((r) => r.closed_at).map((r) => daysBetween(new Date(r.created_at), new Date(r.closed_at!)));
      const byCategory = feedbackCategory.options.map((category: FeedbackCategory) => {
        const mine = rows.filter((r) => r.category === category);
        return {
          category,
          total: mine.length,
          open: mine.filter((r) => r.status !== 'closed').length,
          overdue: mine.filter((r) => r.status !== 'closed' && new Date(r.due_at) < at).length,
          closed: mine.filter((r) => r.status === 'closed').length,
          medianDaysToClose: median(closeDays(mine)),
        };
      });
      return { byCategory, total: rows.length, medianDaysToClose: median(closeDays(rows)) };
    },
  };
}
