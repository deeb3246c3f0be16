// What the journeys share: the demo accounts, finding fields and headings by their visible text,
// and signing in through the form.
import type { Locator, Page } from 'playwright-core';
import { uk } from '../../web/src/i18n/uk.ts';
import { visible } from './browser.ts';

export type Messages = typeof uk;

export interface Credentials {
  email: string;
  password: string;
}

/** The demo accounts the demo seed creates; their passwords are public on purpose (demo mode only). */
export const DEMO_USERS = {
  admin: { email: 'admin@demo.oselia.org', password: 'demo-admin-Kyiv-2026' },
  registrar: { email: 'registrar@demo.oselia.org', password: 'demo-registrar-Dnipro-2026' },
  manager: { email: 'manager@demo.oselia.org', password: 'demo-manager-Lviv-2026' },
  reviewer: { email: 'reviewer@demo.oselia.org', password: 'demo-reviewer-Poltava-2026' },
  finance: { email: 'finance@demo.oselia.org', password: 'demo-finance-Odesa-2026' },
  me: { email: 'me@demo.oselia.org', password: 'demo-monitoring-Sumy-2026' },
} as const satisfies Record<string, Credentials>;

/** "Try again in {{minutes}} min." with the values put in. */
export const fillTemplate = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A field by the start of its label (Mantine adds a hidden " *" to required ones). */
export const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${escapeRegExp(label)}`)).first();

export const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Signs in through the sign-in form, in the language of `m` (Ukrainian unless told). */
export async function signIn(page: Page, who: Credentials, m: Messages = uk): Promise<void> {
  await page.goto('/sign-in');
  await visible(h1(page, m.auth.signInTitle));
  await field(page, m.auth.email).fill(who.email);
  await field(page, m.auth.password).fill(who.password);
  await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
