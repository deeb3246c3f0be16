import type { ResponseSchema } from '../../api/client.ts';

/** A user who may be assigned as a reviewer: enough to choose, nothing more. */
export interface ReviewerChoice {
  id: string;
  name: string;
}

/** The answer of GET /grants/reviewers, checked by shape (it has no named contract schema). */
export const reviewerChoices: ResponseSchema<{ items: ReviewerChoice[] }> = {
  safeParse(data: unknown) {
    const items = (data as { items?: unknown } | null)?.items;
    const ok =
      Array.isArray(items) &&
      items.every(
        (r) =>
          typeof r === 'object' &&
          r !== null &&
          typeof (r as ReviewerChoice).id === 'string' &&
          typeof (r as ReviewerChoice).name === 'string',
      );
    return ok
      ? { success: true, data: { items: items as ReviewerChoice[] } }
      : { success: false, error: { issues: ['not a list of reviewers'] } };
  },
};
