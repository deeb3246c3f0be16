import type { Role, SubmitFeedbackBody } from '@oselia/contracts';
import { buildUser, call, type Session, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** A complaint from the public JSON API; answers the receipt (reference code and secret). */
export async function buildFeedback(t: TestApp, over: Partial<SubmitFeedbackBody> = {}) {
  return t.services.feedback.submitPublic(t.tenantId, {
    category: 'complaint',
    text: 'The distribution point in the village was closed on the announced day.',
    anonymous: true,
    language: 'uk',
    ...over,
  });
}

/** The item id behind a receipt, looked up as a designated admin would. */
export async function feedbackIdOf(t: TestApp, referenceCode: string) {
  const row = await t.db
    .selectFrom('feedback_items')
    .select('id')
    .where('tenant_id', '=', t.tenantId)
    .where('reference_code', '=', referenceCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A signed-in staff member, optionally designated for sensitive reports. */
export async function feedbackStaff(
  t: TestApp,
  roles: Role[] = ['registration_officer'],
  designated = false,
): Promise<{ session: Session; userId: string }> {
  const user = await buildUser(t, { roles });
  if (designated) {
    const admin = await buildUser(t, { roles: ['admin'] });
    const adminSession = await signIn(t, admin.email);
    const res = await call(t, adminSession, 'PUT', `/api/v1/feedback/handlers/${user.id}`);
    if (res.statusCode !== 204) throw new Error(`designation failed: ${res.statusCode} ${res.body}`);
  }
  return { session: await signIn(t, user.email), userId: user.id };
}
