import { type FeedbackFollowUp, feedbackCategory, followUpBody, submitFeedbackBody } from '@oselia/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import { safeEqual } from '../../shared/crypto.ts';
import { type Html, html } from '../portal/portal.html.ts';
import { renderPublicPage } from '../portal/portal.layout.ts';
import { type PublicPages, sendHtml } from '../portal/portal.site.ts';
import { FEEDBACK_TEXT } from './feedback.messages.ts';

const TOKEN_PURPOSE = 'feedback-form-token';
const TOKEN_MAX_AGE_MS = 2 * 3_600_000;

/**
 * Anonymous posts without cookies: a form token (time + keyed hash, valid two hours) proves the form
 * came from this site, and a browser's Origin / Sec-Fetch-Site, when sent, must say same origin.
 */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
  return origin !== 'null';
}

/** The server-rendered feedback form and follow-up page (no JavaScript), in both languages. */
export const feedbackPages: PublicPages = async (site, { services, config, lang }) => {
  const t = FEEDBACK_TEXT[lang];
  const { crypto } = services;
  const fb = services.feedback;
  const page = (title: string, description: string, path: string, body: Html, noindex = false) =>
    renderPublicPage({ lang, title, description, path, body, baseUrl: config.publicUrl, noindex });
  const limited = {
    access: 'public' as const,
    rateLimit: { max: config.publicRatePerMinute, timeWindow: 60_000 },
  };

  site.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  const issueToken = () => {
    const at = String(Date.now());
    return `${at}.${crypto.keyedHash(at, TOKEN_PURPOSE)}`;
  };
  const tokenValid = (token: unknown) => {
    if (typeof token !== 'string') return false;
    const [at = '', mac = ''] = token.split('.');
    const age = Date.now() - Number(at);
    return age >= 0 && age < TOKEN_MAX_AGE_MS && safeEqual(mac, crypto.keyedHash(at, TOKEN_PURPOSE));
  };
  const assertFormPost = (req: FastifyRequest) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sameOrigin(req) || !tokenValid(body.token)) throw new AppError('FORBIDDEN', t.expired);
    return body;
  };

  const form = (error?: string, values: Record<string, unknown> = {}) => {
    const chosen = typeof values.category === 'string' ? values.category : '';
    return html`<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
${error && html`<p class="notice" role="alert"><strong>${error}</strong></p>`}
<form method="post" action="/${lang}/feedback" class="prose">
<input type="hidden" name="token" value="${issueToken()}">
<fieldset><legend>${t.category}</legend>
${feedbackCategory.options.map(
  (c) =>
    html`<p><label><input type="radio" name="category" value="${c}" required${chosen === c ? html` checked` : ''}> ${t.categories[c]}</label></p>`,
)}
</fieldset>
<p><label for="fb-text">${t.text}</label><br>
<textarea id="fb-text" name="text" rows="6" cols="40" minlength="5" maxlength="5000" required aria-describedby="fb-text-hint" style="width:100%">${typeof values.text === 'string' ? values.text : ''}</textarea><br>
<small id="fb-text-hint">${t.textHint}</small></p>
<p><label><input type="checkbox" name="anonymous" value="on"${values.anonymous === 'on' || !values.text ? html` checked` : ''}> ${t.anonymous}</label></p>
<p><label for="fb-contact">${t.contact}</label><br>
<input id="fb-contact" name="contact" type="text" maxlength="200" autocomplete="tel" style="width:100%"></p>
<p><button type="submit" class="button">${t.send}</button></p>
</form>
<p><a href="/${lang}/feedback/follow-up">${t.followUpLink}</a></p>`;
  };

  const followUpForm = (error?: string) => html`<h1>${t.followUpTitle}</h1>
<p class="lead">${t.followUpDescription}</p>
${error && html`<p class="notice" role="alert"><strong>${error}</strong></p>`}
<form method="post" action="/${lang}/feedback/follow-up" class="prose">
<input type="hidden" name="token" value="${issueToken()}">
<p><label for="fu-code">${t.reference}</label><br>
<input id="fu-code" name="referenceCode" required maxlength="20" autocomplete="off" autocapitalize="characters"></p>
<p><label for="fu-secret">${t.secret}</label><br>
<input id="fu-secret" name="secret" type="password" required maxlength="40" autocomplete="off"></p>
<p><button type="submit" class="button">${t.check}</button></p>
</form>`;

  const dateText = (value: string) =>
    new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { dateStyle: 'long' }).format(new Date(value));

  const statusView = (s: FeedbackFollowUp) => html`<h1>${t.followUpTitle}</h1>
<dl class="prose">
<dt>${t.reference}</dt><dd><strong>${s.referenceCode}</strong></dd>
<dt>${t.status}</dt><dd data-status="${s.status}">${t.statuses[s.status]}</dd>
<dt>${t.submitted}</dt><dd>${dateText(s.submittedAt)}</dd>
</dl>
<h2>${t.answers}</h2>
${
  s.responses.length === 0
    ? html`<p>${t.noAnswers}</p>`
    : html`<ol class="prose">${s.responses.map((r) => html`<li><p>${r.text}</p><p><small>${dateText(r.at)}</small></p></li>`)}</ol>`
}
<p><a href="/${lang}/feedback">${t.back}</a></p>`;

  site.get('/feedback', { config: { access: 'public' } }, async (_req, reply) =>
    sendHtml(reply, page(t.title, t.description, '/feedback', form()), { cache: 'none' }),
  );

  site.post('/feedback', { config: limited }, async (req, reply) => {
    const body = assertFormPost(req);
    const parsed = submitFeedbackBody.safeParse({
      category: body.category,
      text: body.text,
      anonymous: body.anonymous === 'on',
      contact: typeof body.contact === 'string' && body.contact.trim() ? body.contact : undefined,
      language: lang,
    });
    if (!parsed.success) {
      return sendHtml(reply, page(t.title, t.description, '/feedback', form(t.invalid, body), true), {
        status: 400,
        cache: 'none',
      });
    }
    const receipt = await fb.submitPublic(req.tenantId, parsed.data);
    const body2 = html`<h1>${t.sentTitle}</h1>
<p class="lead">${t.sentText}</p>
<dl class="prose">
<dt>${t.reference}</dt><dd><strong data-reference>${receipt.referenceCode}</strong></dd>
<dt>${t.secret}</dt><dd><strong data-secret>${receipt.secret}</strong></dd>
<dt>${t.dueBy}</dt><dd>${dateText(receipt.dueAt)}</dd>
</dl>
<p><a class="button" href="/${lang}/feedback/follow-up">${t.followUpLink}</a></p>`;
    return sendHtml(reply, page(t.sentTitle, t.description, '/feedback', body2, true), { cache: 'none' });
  });

  site.get('/feedback/follow-up', { config: { access: 'public' } }, async (_req, reply) =>
    sendHtml(
      reply,
      page(t.followUpTitle, t.followUpDescription, '/feedback/follow-up', followUpForm(), true),
      {
        cache: 'none',
      },
    ),
  );

  site.post('/feedback/follow-up', { config: limited }, async (req, reply) => {
    const body = assertFormPost(req);
    const parsed = followUpBody.safeParse({ referenceCode: body.referenceCode, secret: body.secret });
    const fail = () =>
      sendHtml(
        reply,
        page(t.followUpTitle, t.followUpDescription, '/feedback/follow-up', followUpForm(t.notFound), true),
        { status: 404, cache: 'none' },
      );
    if (!parsed.success) return fail();
    try {
      const status = await fb.followUp(req.tenantId, parsed.data);
      return sendHtml(
        reply,
        page(t.followUpTitle, t.followUpDescription, '/feedback/follow-up', statusView(status), true),
        {
          cache: 'none',
        },
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return fail();
      throw error;
    }
  });
};
