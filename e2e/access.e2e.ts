// Signing in and out, two-factor sign-in, and an administrator creating users (with a password and
// with an invitation link), each journey in Ukrainian and in English, with axe on every page.
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../web/src/i18n/en.ts';
import { uk } from '../web/src/i18n/uk.ts';
import {
  baseURL,
  expectAccessible,
  launchBrowser,
  openSession,
  type Session,
  screenshot,
  visible,
} from './support/browser.ts';
import { escapeRegExp, fillTemplate as fill, type Messages } from './support/ui.ts';

const ADMIN = { email: 'admin@demo.oselia.org', password: 'demo-admin-Kyiv-2026', name: 'Olena Admin' };
const LANGUAGES = [
  ['uk', uk],
  ['en', en],
] as const;

/** A form field by the start of its label (Mantine adds a hidden " *" to required ones). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${escapeRegExp(label)}`));
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Something unique per run, so journeys can run again against the same database. */
const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const strongPassword = () => `Harbour-kestrel-violet-${randomBytes(4).toString('hex')}`;

/** A browser session in the given language (set before the app loads, as a returning reader's choice). */
async function openIn(browser: Browser, lang: 'uk' | 'en'): Promise<Session> {
  const s = await openSession(browser);
  await s.context.addInitScript({
    content: `window.localStorage.setItem('oselia.language', ${JSON.stringify(lang)});`,
  });
  return s;
}

async function signIn(page: Page, m: Messages, email: string, password: string) {
  await visible(h1(page, m.auth.signInTitle));
  await field(page, m.auth.email).fill(email);
  await field(page, m.auth.password).fill(password);
  await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
}

async function signOut(page: Page, m: Messages, displayName: string) {
  await page.getByRole('button', { name: fill(m.auth.userMenu, { name: displayName }) }).click();
  await page.getByRole('menuitem', { name: m.auth.signOut, exact: true }).click();
  await visible(h1(page, m.auth.signInTitle));
  await visible(page.getByText(m.auth.signedOut));
}

/** Signs in through the API (for setting things up), returning the cookie and the CSRF token. */
async function apiSession(email: string, password: string) {
  const res = await fetch(`${baseURL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, 'API sign-in').toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseURL}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return { call };
}

/** A user made through the API by the demo admin, with a password, in the mission organisation. */
async function makeUser(options: { totpRequired: boolean }) {
  const admin = await apiSession(ADMIN.email, ADMIN.password);
  const orgs = await admin.call('GET', '/organisations?limit=50');
  const mission = (orgs.body.items as { id: string; type: string }[]).find((o) => o.type === 'mission');
  const id = unique();
  const user = {
    email: `e2e-totp-${id}@example.org`,
    displayName: `Olena Test ${id}`,
    password: strongPassword(),
  };
  const created = await admin.call('POST', '/users', {
    ...user,
    organisationId: mission?.id,
    roles: ['registration_officer'],
    totpRequired: options.totpRequired,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return user;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)('access (%s)', (lang, m) => {
  test('an anonymous visitor is sent to sign in, signs in, sees the admin navigation and signs out', async () => {
    const s = await openIn(browser, lang);
    try {
      const { page } = s;
      await page.goto('/');
      const nav = page.getByRole('navigation', { name: m.app.mainNav });
      await visible(nav.getByRole('link', { name: m.nav.places }));
      expect(await nav.getByRole('link', { name: m.nav.users }).count()).toBe(0);

      // A protected page sends the visitor to sign in and remembers where they wanted to go.
      await page.goto('/admin/users?q=demo');
      await visible(h1(page, m.auth.signInTitle));
      expect(pathOf(page)).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users?q=demo');
      await expectAccessible(page, `sign in (${lang})`);
      await screenshot(page, `access-sign-in-${lang}`);

      // Empty fields are refused on the spot, next to the field.
      await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
      const email = field(page, m.auth.email);
      await visible(page.getByText(m.forms.email));
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const described = (
        await Promise.all(
          describedBy
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => page.locator(`[id="${id}"]`).textContent()),
        )
      ).join(' ');
      expect(described).toContain(m.forms.email);

      // A wrong password says so, without telling which part was wrong.
      await signIn(page, m, ADMIN.email, 'not-the-password-at-all');
      await visible(page.getByRole('alert').getByText(m.auth.wrongCredentials));
      await expectAccessible(page, `sign in with an error (${lang})`);

      await field(page, m.auth.password).fill(ADMIN.password);
      await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
      await visible(h1(page, m.admin.usersTitle));
      expect(pathOf(page)).toBe('/admin/users');
      expect(new URL(page.url()).searchParams.get('q')).toBe('demo');

      for (const name of [m.nav.users, m.nav.organisations, m.nav.security, m.nav.audit, m.nav.jobs]) {
        await visible(nav.getByRole('link', { name }));
      }
      const menu = page.getByRole('button', { name: fill(m.auth.userMenu, { name: ADMIN.name }) });
      await visible(menu);
      await expectAccessible(page, `users list (${lang})`);

      // My account, from the menu.
      await menu.click();
      await page.getByRole('menuitem', { name: m.auth.myAccount }).click();
      await visible(h1(page, m.account.title));
      await visible(page.getByText(m.auth.passwordRules));
      await expectAccessible(page, `my account (${lang})`);
      await screenshot(page, `access-account-${lang}`);

      await signOut(page, m, ADMIN.name);
      expect(await nav.getByRole('link', { name: m.nav.users }).count()).toBe(0);
      // Signed out, the protected page is closed again.
      await page.goto('/admin/audit');
      await visible(h1(page, m.auth.signInTitle));
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('a user sets up two-factor sign-in and then signs in with a code', async () => {
    // In Ukrainian the role requires it (forced at sign-in); in English the user chooses it.
    const forced = lang === 'uk';
    const user = await makeUser({ totpRequired: forced });
    const s = await openIn(browser, lang);
    try {
      const { page } = s;
      await page.goto('/sign-in');
      await signIn(page, m, user.email, user.password);
      if (forced) {
        await visible(h1(page, m.enrol.title));
        expect(pathOf(page)).toBe('/account/two-factor');
        await visible(page.getByText(m.enrol.required));
      } else {
        await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
        await page.goto('/account');
        await visible(h1(page, m.account.title));
        await page.getByRole('link', { name: m.account.enableTwoFactor }).click();
        await visible(h1(page, m.enrol.title));
      }
      await page.getByRole('button', { name: m.enrol.start }).click();
      const secretBox = await visible(page.getByRole('textbox', { name: m.enrol.secretLabel }));
      const grouped = await secretBox.inputValue();
      expect(grouped).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
      const secret = grouped.replace(/\s+/g, '');
      expect(await page.getByRole('textbox', { name: m.enrol.urlLabel }).inputValue()).toMatch(
        /^otpauth:\/\/totp\//,
      );
      await expectAccessible(page, `two-factor set-up (${lang})`);
      await screenshot(page, `access-enrol-${lang}`);

      // A wrong code is refused next to the field.
      const code = field(page, m.auth.code);
      await code.fill('12345');
      await page.getByRole('button', { name: m.enrol.confirm }).click();
      await visible(page.getByText(m.forms.sixDigits));
      expect(await code.getAttribute('aria-invalid')).toBe('true');

      await code.fill(await generate({ secret }));
      await page.getByRole('button', { name: m.enrol.confirm }).click();
      const codes = await visible(page.getByRole('list', { name: m.enrol.codesListLabel }));
      const recovery = await codes.getByRole('listitem').allInnerTexts();
      expect(recovery).toHaveLength(10);
      await visible(page.getByRole('button', { name: m.enrol.downloadCodes }));
      await expectAccessible(page, `recovery codes (${lang})`);
      await page.getByRole('button', { name: m.enrol.continue }).click();
      // Forced set-up goes on to where the user was going (home); a chosen one back to My account.
      if (forced) {
        await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
        await page.goto('/account');
      }
      await visible(h1(page, m.account.title));
      await visible(page.getByText(m.account.twoFactorOn));

      await signOut(page, m, user.displayName);
      await signIn(page, m, user.email, user.password);
      await visible(h1(page, m.auth.codeTitle));
      expect(pathOf(page)).toBe('/sign-in/code');
      await expectAccessible(page, `two-factor code (${lang})`);
      await screenshot(page, `access-code-${lang}`);
      await field(page, m.auth.code).fill('000000');
      await page.getByRole('button', { name: m.auth.verify }).click();
      await visible(page.getByText(m.auth.codeWrong));
      await field(page, m.auth.code).fill(await generate({ secret }));
      await page.getByRole('button', { name: m.auth.verify }).click();
      await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
      await visible(page.getByRole('button', { name: fill(m.auth.userMenu, { name: user.displayName }) }));

      // A recovery code works once, instead of the app.
      await signOut(page, m, user.displayName);
      await signIn(page, m, user.email, user.password);
      await visible(h1(page, m.auth.codeTitle));
      await page.getByRole('button', { name: m.auth.useRecovery }).click();
      await field(page, m.auth.recoveryCode).fill(recovery[0]?.trim() ?? '');
      await page.getByRole('button', { name: m.auth.verify }).click();
      await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('an admin creates a user with a password and one with an invitation; both sign in', async () => {
    const id = unique();
    const withPassword = {
      email: `e2e-pw-${id}@example.org`,
      name: `Taras Password ${id}`,
      password: strongPassword(),
    };
    const invited = {
      email: `e2e-inv-${id}@example.org`,
      name: `Iryna Invited ${id}`,
      password: strongPassword(),
    };
    const missionName = lang === 'uk' ? 'Місія «Оселя» в Україні' : 'Oselia mission in Ukraine';

    const admin = await openIn(browser, lang);
    let inviteUrl: string;
    let resetUrl: string;
    try {
      const { page } = admin;
      await page.goto('/sign-in?next=/admin/users/new');
      await signIn(page, m, ADMIN.email, ADMIN.password);
      await visible(h1(page, m.admin.createTitle));
      await expectAccessible(page, `new user (${lang})`);

      // Nothing filled in: every required field says what is missing.
      await page.getByRole('button', { name: m.admin.create }).click();
      await visible(page.getByText(m.forms.email));
      await visible(page.getByText(fill(m.forms.chooseAtLeast, { n: 1 })));
      await expectAccessible(page, `new user with errors (${lang})`);

      const create = async (u: { email: string; name: string }, password?: string) => {
        await field(page, m.auth.email).fill(u.email);
        await field(page, m.admin.displayName).fill(u.name);
        await page.getByRole('combobox', { name: m.admin.organisation }).selectOption({ label: missionName });
        await page.getByRole('checkbox', { name: m.roles.registration_officer }).check();
        await page.getByRole('checkbox', { name: m.roles.me_officer }).check();
        if (password) {
          await page.getByRole('radio', { name: m.admin.withPassword }).check();
          await field(page, m.admin.initialPassword).fill(password);
        } else {
          await page.getByRole('radio', { name: m.admin.withInvite }).check();
        }
        await page.getByRole('button', { name: m.admin.create }).click();
        await visible(page.getByRole('status').getByText(fill(m.admin.created, { email: u.email })));
      };

      // A common password is refused by the server, next to the password field.
      await field(page, m.auth.email).fill(withPassword.email);
      await field(page, m.admin.displayName).fill(withPassword.name);
      await page.getByRole('combobox', { name: m.admin.organisation }).selectOption({ label: missionName });
      await page.getByRole('checkbox', { name: m.roles.registration_officer }).check();
      await page.getByRole('radio', { name: m.admin.withPassword }).check();
      await field(page, m.admin.initialPassword).fill('password1234');
      await page.getByRole('button', { name: m.admin.create }).click();
      await visible(page.getByText(m.forms.server.passwordCommon));
      await page.getByRole('checkbox', { name: m.roles.registration_officer }).uncheck();

      await create(withPassword, withPassword.password);
      await page.getByRole('button', { name: m.admin.newUser }).click();
      await create(invited);
      const link = await visible(page.getByRole('textbox', { name: m.admin.inviteLabel }));
      inviteUrl = await link.inputValue();
      expect(inviteUrl).toMatch(/\/invite\/[\w-]{20,}$/);
      await visible(page.getByRole('button', { name: m.forms.copy }));
      await expectAccessible(page, `user created with an invitation (${lang})`);
      await screenshot(page, `access-user-created-${lang}`);

      // The user with a password signs in at once, in a browser of their own.
      const first = await openIn(browser, lang);
      try {
        await first.page.goto('/sign-in');
        await signIn(first.page, m, withPassword.email, withPassword.password);
        await visible(first.page.getByRole('heading', { level: 1, name: m.home.heading }));
        await visible(
          first.page.getByRole('button', { name: fill(m.auth.userMenu, { name: withPassword.name }) }),
        );
        expect(first.pageErrors).toEqual([]);
      } finally {
        await first.close();
      }

      // The new users are in the list, found by search; the invited one waits for a password.
      await page.goto(`/admin/users?q=${id}`);
      const table = await visible(page.getByRole('table', { name: m.admin.usersCaption }));
      await visible(table.getByRole('link', { name: withPassword.name }));
      const invitedRow = table.getByRole('row').filter({ hasText: invited.email });
      await visible(invitedRow.getByText(m.userStatus.invited));

      // The user's page: an edit, then a reset link (after a warning), shown once.
      await table.getByRole('link', { name: withPassword.name }).click();
      await visible(h1(page, fill(m.admin.userTitle, { name: withPassword.name })));
      await page.getByRole('checkbox', { name: m.roles.reviewer }).check();
      await page.getByRole('button', { name: m.forms.save }).click();
      await visible(page.getByRole('status').getByText(m.admin.saved));
      await page.getByRole('button', { name: m.admin.resetPassword }).click();
      const confirm = await visible(page.getByRole('group', { name: m.admin.resetPassword }));
      await visible(confirm.getByText(fill(m.admin.confirmResetPassword, { email: withPassword.email })));
      await confirm.getByRole('button', { name: m.admin.resetPassword }).click();
      resetUrl = await (
        await visible(page.getByRole('textbox', { name: m.admin.resetLinkLabel }))
      ).inputValue();
      expect(resetUrl).toMatch(/\/reset\/[\w-]{20,}$/);
      await expectAccessible(page, `user detail (${lang})`);
      await screenshot(page, `access-user-detail-${lang}`);
      await signOut(page, m, ADMIN.name);
    } finally {
      await admin.close();
    }

    // The reset link: the old password no longer works; the user chooses a new one and signs in.
    const reset = await openIn(browser, lang);
    try {
      const { page } = reset;
      await page.goto(new URL(resetUrl).pathname);
      await visible(h1(page, m.auth.resetTitle));
      await expectAccessible(page, `reset password (${lang})`);
      const newPassword = strongPassword();
      await field(page, m.auth.newPassword).fill(newPassword);
      await field(page, m.auth.confirmPassword).fill(newPassword);
      await page.getByRole('button', { name: m.auth.setPassword }).click();
      await visible(page.getByText(m.auth.passwordSet));
      expect(await field(page, m.auth.email).inputValue()).toBe(withPassword.email);
      await field(page, m.auth.password).fill(withPassword.password);
      await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
      await visible(page.getByText(m.auth.wrongCredentials));
      await field(page, m.auth.password).fill(newPassword);
      await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
      expect(reset.pageErrors).toEqual([]);
    } finally {
      await reset.close();
    }

    // The invited user opens the link, chooses a password and signs in with the email filled in.
    const second = await openIn(browser, lang);
    try {
      const { page } = second;
      await page.goto(new URL(inviteUrl).pathname);
      await visible(h1(page, m.auth.acceptInviteTitle));
      await expectAccessible(page, `accept invitation (${lang})`);
      await field(page, m.auth.newPassword).fill(invited.password);
      await field(page, m.auth.confirmPassword).fill(`${invited.password}x`);
      await page.getByRole('button', { name: m.auth.setPassword }).click();
      await visible(page.getByText(m.auth.passwordsDiffer));
      await field(page, m.auth.confirmPassword).fill(invited.password);
      await page.getByRole('button', { name: m.auth.setPassword }).click();
      await visible(h1(page, m.auth.signInTitle));
      await visible(page.getByText(m.auth.passwordSet));
      expect(await field(page, m.auth.email).inputValue()).toBe(invited.email);
      await field(page, m.auth.password).fill(invited.password);
      await page.getByRole('button', { name: m.auth.signIn, exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: m.home.heading }));
      await visible(page.getByRole('button', { name: fill(m.auth.userMenu, { name: invited.name }) }));
      // Not an admin: no admin pages in the navigation, and a closed door if typed in.
      const nav = page.getByRole('navigation', { name: m.app.mainNav });
      await visible(nav.getByRole('link', { name: m.nav.jobs }));
      expect(await nav.getByRole('link', { name: m.nav.users }).count()).toBe(0);
      await page.goto('/admin/users');
      await visible(h1(page, m.errors.forbiddenTitle));

      // The link works only once.
      await page.goto(new URL(inviteUrl).pathname);
      await field(page, m.auth.newPassword).fill(invited.password);
      await field(page, m.auth.confirmPassword).fill(invited.password);
      await page.getByRole('button', { name: m.auth.setPassword }).click();
      await visible(page.getByText(m.auth.linkInvalid));
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });

  test('the admin pages for organisations, security and the audit log work and are accessible', async () => {
    const s = await openIn(browser, lang);
    try {
      const { page } = s;
      await page.goto('/sign-in?next=/admin/organisations');
      await signIn(page, m, ADMIN.email, ADMIN.password);
      await visible(h1(page, m.admin.orgsTitle));
      await visible(page.getByRole('table', { name: m.admin.orgsCaption }));
      const id = unique();
      await field(page, m.admin.nameUk).fill(`Громадська організація ${id}`);
      await field(page, m.admin.nameEn).fill(`Community organisation ${id}`);
      await page.getByRole('button', { name: m.admin.addOrg }).click();
      await visible(page.getByRole('status').getByText(m.admin.orgAdded));
      const orgLink = page.getByRole('link', {
        name: fill(m.admin.editOrg, {
          name: lang === 'uk' ? `Громадська організація ${id}` : `Community organisation ${id}`,
        }),
      });
      await visible(orgLink);
      await expectAccessible(page, `organisations (${lang})`);
      await orgLink.click();
      await visible(h1(page, m.admin.editOrgTitle));
      await field(page, m.admin.nameEn).fill(`Community organisation ${id} (renamed)`);
      await page.getByRole('button', { name: m.forms.save }).click();
      await visible(h1(page, m.admin.orgsTitle));
      await visible(page.getByRole('cell', { name: `Community organisation ${id} (renamed)` }));

      await page
        .getByRole('navigation', { name: m.app.mainNav })
        .getByRole('link', { name: m.nav.security })
        .click();
      await visible(h1(page, m.admin.securityTitle));
      await visible(page.getByRole('group', { name: m.admin.mfaRoles }));
      await expectAccessible(page, `security settings (${lang})`);

      await page
        .getByRole('navigation', { name: m.app.mainNav })
        .getByRole('link', { name: m.nav.audit })
        .click();
      await visible(h1(page, m.admin.auditTitle));
      const log = await visible(page.getByRole('table', { name: m.admin.auditCaption }));
      await log.getByRole('button', { name: /\d+/ }).first().click();
      await visible(log.getByText(m.admin.after, { exact: true }));
      await page.getByRole('button', { name: m.admin.verify }).click();
      await visible(
        page.getByRole('status').getByText(new RegExp(escapeRegExp(m.admin.verifyOk.split(':')[0] ?? ''))),
      );
      await expectAccessible(page, `audit log (${lang})`);
      await screenshot(page, `access-audit-${lang}`);

      // Filtering by action narrows the table to that action.
      await field(page, m.admin.action).fill('organisation.updated');
      await page.getByRole('button', { name: m.admin.apply }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('organisation.updated');
      await visible(log.getByText('organisation.updated').first());
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
