// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
import {
  type FormDefinition,
  formDefinitionRecord,
  formDefinitionsPage,
  xlsFormImportResult,
} from '@oselia/contracts';
import { exampleGrantForm } from '@oselia/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx, writeZip } from '../../shared/xlsx.ts';
import { buildFormDefinition, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let manager: Session;
let officer: Session;
let donor: Session;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  manager = (await signedInAs(t, ['programme_manager'])).session;
  officer = (await signedInAs(t, ['registration_officer'])).session;
  donor = (await signedInAs(t, ['donor_viewer'])).session;
});
afterAll(() => t.close());

const UK = 'label::Ukrainian (uk)';
const EN = 'label::English (en)';

/** A small youth-initiative XLSForm, the way KoboToolbox exports one. */
function youthXlsForm(extraSurveyRows: string[][] = []) {
  return writeXlsx([
    {
      name: 'survey',
      rows: [
        ['type', 'name', UK, EN, 'required', 'relevant', 'constraint'],
        ['start', 'start', '', '', '', '', ''],
        ['begin_group', 'team', 'Команда', 'Team', '', '', ''],
        ['text', 'team_name', 'Назва команди', 'Team name', 'yes', '', 'string-length(.) <= 100'],
        ['integer', 'members', 'Скільки учасників', 'How many members', 'yes', '', '. >= 2 and . <= 10'],
        [
          'select_one yn',
          'alumni',
          'Ви випускники літньої школи?',
          'Are you summer school alumni?',
          'yes',
          '',
          '',
        ],
        ['text', 'school_year', 'Рік школи', 'Year of the school', 'yes', "${alumni} = 'yes'", ''],
        ['end_group', '', '', '', '', '', ''],
        ...extraSurveyRows,
      ],
    },
    {
      name: 'choices',
      rows: [
        ['list_name', 'name', UK, EN],
        ['yn', 'yes', 'Так', 'Yes'],
        ['yn', 'no', 'Ні', 'No'],
      ],
    },
    { name: 'settings', rows: [['form_title'], ['Молодіжна ініціатива']] },
  ]);
}

function upload(body: Buffer, session = manager, fileName = 'youth.xlsx') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/forms/xlsform?fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
}

describe('form definitions', () => {
  it('saves a form, reads it back and lists it', async () => {
    const res = await call(t, manager, 'POST', '/api/v1/forms', { definition: exampleGrantForm });
    expect(res.statusCode, res.body).toBe(201);
    const saved = formDefinitionRecord.parse(res.json());
    expect(saved).toMatchObject({
      version: 1,
      versions: [1],
      title: exampleGrantForm.title,
      languages: ['uk', 'en'],
      questionCount: 14,
      source: 'json',
      sourceName: null,
    });
    expect(saved.definition).toEqual(exampleGrantForm);

    const read = await call(t, officer, 'GET', `/api/v1/forms/${saved.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().definition).toEqual(exampleGrantForm);

    const list = formDefinitionsPage.parse((await call(t, manager, 'GET', '/api/v1/forms?q=малого')).json());
    expect(list.items.map((f) => f.id)).toContain(saved.id);
    const none = formDefinitionsPage.parse(
      (await call(t, manager, 'GET', '/api/v1/forms?q=немає%25такої')).json(),
    );
    expect(none.items).toEqual([]);
  });

  it('refuses a definition with problems, naming each', async () => {
    const broken: FormDefinition = {
      ...exampleGrantForm,
      sections: [
        {
          id: 'only',
          title: { uk: 'Розділ', en: 'Section' },
          questions: [
            {
              name: 'a',
              type: 'text',
              label: { uk: 'А', en: 'A' },
              showIf: { question: 'b', op: 'eq', value: 'x' },
            },
            { name: 'b', type: 'choice', label: { uk: 'Б', en: 'B' } },
          ],
        },
      ],
    };
    const res = await call(t, manager, 'POST', '/api/v1/forms', { definition: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      res.json().error.details.problems.map((p: { path: string; code: string }) => `${p.path}:${p.code}`),
    ).toEqual([
      'sections.0.questions.0.showIf:forward_reference',
      'sections.0.questions.1.choices:missing_choices',
    ]);
    const badShape = await call(t, manager, 'POST', '/api/v1/forms', { definition: { title: 'x' } });
    expect(badShape.statusCode).toBe(400);
  });

  it('keeps every version: an edit adds the next one, a stale edit gets 409', async () => {
    const first = await buildFormDefinition(t);
    const changed = {
      ...exampleGrantForm,
      title: { uk: 'Заявка (друга редакція)', en: 'Application (second edition)' },
    };
    const res = await call(t, manager, 'PUT', `/api/v1/forms/${first.id}`, {
      definition: changed,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, versions: [2, 1], title: changed.title });

    const old = await call(t, manager, 'GET', `/api/v1/forms/${first.id}?version=1`);
    expect(old.json()).toMatchObject({ version: 1, title: exampleGrantForm.title });
    expect((await call(t, manager, 'GET', `/api/v1/forms/${first.id}`)).json().version).toBe(2);
    expect((await call(t, manager, 'GET', `/api/v1/forms/${first.id}?version=9`)).statusCode).toBe(404);

    const stale = await call(t, manager, 'PUT', `/api/v1/forms/${first.id}`, {
      definition: changed,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { version: 2 } });

    const listed = formDefinitionsPage.parse(
      (await call(t, manager, 'GET', '/api/v1/forms?limit=200')).json(),
    );
    expect(listed.items.filter((f) => f.id === first.id).map((f) => f.version)).toEqual([2]);

    // A call pins a version: the service hands out exactly that one.
    expect((await t.services.forms.getDefinition(t.tenantId, first.id, 1))?.title).toEqual(
      exampleGrantForm.title,
    );
    expect(await t.services.forms.getDefinition(t.tenantId, first.id, 3)).toBeNull();
  });

  it('lets only one of two simultaneous edits of the same version through', async () => {
    const form = await buildFormDefinition(t);
    const edit = (uk: string) =>
      call(t, manager, 'PUT', `/api/v1/forms/${form.id}`, {
        definition: { ...exampleGrantForm, title: { uk, en: 'Edit' } },
        version: 1,
      });
    const results = await Promise.all([edit('Перша'), edit('Друга')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await t.services.forms.getFormDefinition(t.tenantId, form.id)).versions).toEqual([2, 1]);
  });

  it('pages through forms with a cursor', async () => {
    for (let i = 0; i < 3; i++) await buildFormDefinition(t);
    const first = formDefinitionsPage.parse((await call(t, manager, 'GET', '/api/v1/forms?limit=2')).json());
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = formDefinitionsPage.parse(
      (await call(t, manager, 'GET', `/api/v1/forms?limit=2&cursor=${first.next}`)).json(),
    );
    expect(second.items.map((f) => f.id)).not.toContain(first.items[0]!.id);
    expect(second.items[0]!.id < first.items[1]!.id).toBe(true);
  });

  it('checks answers against a stored version', async () => {
    const form = await buildFormDefinition(t);
    const res = await call(t, officer, 'POST', `/api/v1/forms/${form.id}/validate`, {
      answers: { business_name: 'Майстерня', sector: 'food', sector_other: 'приховане', staff: 'багато' },
      stage: 'submit',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.answers).toEqual({ business_name: 'Майстерня', sector: 'food' });
    expect(body.problems.map((p: { path: string; code: string }) => `${p.path}:${p.code}`)).toContain(
      'staff:invalid_type',
    );
    expect(body.problems.map((p: { path: string }) => p.path)).not.toContain('sector_other');
    const draft = await t.services.forms.validateSubmission(t.tenantId, form.id, 1, { staff: 3 }, 'draft');
    expect(draft).toMatchObject({ ok: true, answers: { staff: 3 } });
  });

  it('lets managers and admins write, more staff read, and nobody else', async () => {
    const form = await buildFormDefinition(t);
    expect(
      (await call(t, officer, 'POST', '/api/v1/forms', { definition: exampleGrantForm })).statusCode,
    ).toBe(403);
    expect(
      (
        await call(t, officer, 'PUT', `/api/v1/forms/${form.id}`, {
          definition: exampleGrantForm,
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(t, donor, 'GET', `/api/v1/forms/${form.id}`)).statusCode).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/forms')).statusCode).toBe(401);
    expect((await upload(youthXlsForm(), officer)).statusCode).toBe(403);
  });
});

describe('XLSForm import', () => {
  it('reads a real workbook into a preview, which can then be saved', async () => {
    const res = await upload(youthXlsForm());
    expect(res.statusCode, res.body).toBe(200);
    const preview = xlsFormImportResult.parse(res.json());
    expect(preview.ignoredRows).toEqual([{ row: 2, type: 'start' }]);
    expect(preview.definition.title).toEqual({ uk: 'Молодіжна ініціатива', en: 'Молодіжна ініціатива' });
    const [team] = preview.definition.sections;
    expect(team?.questions.map((q) => [q.name, q.type])).toEqual([
      ['team_name', 'text'],
      ['members', 'number'],
      ['alumni', 'choice'],
      ['school_year', 'text'],
    ]);
    expect(team?.questions[3]?.showIf).toEqual({ question: 'alumni', op: 'eq', value: 'yes' });

    const saved = await call(t, manager, 'POST', '/api/v1/forms', {
      definition: preview.definition,
      source: 'xlsform',
      sourceName: 'youth.xlsx',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ source: 'xlsform', sourceName: 'youth.xlsx', questionCount: 4 });
  });

  it('answers 400 with the sheet and row of every problem', async () => {
    const res = await upload(
      youthXlsForm([
        ['geopoint', 'where', 'Де', 'Where', '', '', ''],
        ['text', 'why', 'Чому', 'Why', '', 'count-selected(${alumni}) > 0', ''],
      ]),
    );
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems;
    expect(
      problems.map((p: { sheet: string; row: number; code: string }) => [p.sheet, p.row, p.code]),
    ).toEqual([
      ['survey', 9, 'unknown_type'],
      ['survey', 10, 'unsupported_expression'],
    ]);
    expect(problems[0].message.uk).toMatch(/рядок 9/);
  });

  it('says when the workbook has no survey sheet', async () => {
    const res = await upload(writeXlsx([{ name: 'data', rows: [['a'], ['b']] }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0]).toMatchObject({ code: 'missing_sheet', sheet: 'survey' });
  });

  it('refuses what is not an XLSX workbook, whatever its name says', async () => {
    const pdf = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), manager, 'form.xlsx');
    expect(pdf.statusCode).toBe(415);
    const zip = await upload(writeZip([['readme.txt', Buffer.from('hello')]]), manager, 'form.xlsx');
    expect(zip.statusCode).toBe(415);
    expect(zip.json().error.message).toMatch(/not an XLSX workbook/);
  });
});
