import { describe, expect, it } from 'vitest';
import { type AgreementData, DEFAULT_OBLIGATIONS, renderAgreementPdf } from './grants.agreement.pdf.ts';
import { extractPdfText } from './grants.awards.pdf-text.ts';

const agreement = (language: 'uk' | 'en'): AgreementData => ({
  language,
  referenceCode: 'GR-7K3M-9QXP',
  issuedOn: '2027-03-05',
  grantor: language === 'uk' ? 'Місія в Україні' : 'Mission in Ukraine',
  grantee: {
    name: 'Оксана Коваль',
    organisationName: 'Кавʼярня «Затишок»',
    businessIdMasked: '••••5678',
    place: 'Львівська область',
  },
  callTitle: language === 'uk' ? 'Гранти для релокованого бізнесу' : 'Grants for relocated businesses',
  amountMinor: 700_000,
  currency: 'EUR',
  tranches: [
    {
      amountMinor: 400_000,
      dueDate: '2027-04-01',
      condition: 'договір підписано',
      modality: 'cash',
      items: [],
    },
    {
      amountMinor: 300_000,
      dueDate: '2027-06-01',
      condition: null,
      modality: 'in_kind',
      items: [{ item: 'Кавомашина', quantity: 2, unitCostMinor: 150_000, supplier: 'ТОВ «Зерно»' }],
    },
  ],
  obligations: [...DEFAULT_OBLIGATIONS[language]],
});

describe('grant agreement PDF', () => {
  it('is a PDF whose text, Cyrillic included, can be read back', async () => {
    const pdf = await renderAgreementPdf(agreement('uk'), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = extractPdfText(pdf);
    expect(text).toContain('Договір про надання гранту');
    expect(text).toContain('GR-7K3M-9QXP');
    expect(text).toContain('Кавʼярня «Затишок»');
    expect(text).toContain('Транш 2: 3\u00a0000,00 EUR');
    expect(text).toContain('Кавомашина — 2 × 1\u00a0500,00 EUR = 3\u00a0000,00 EUR');
    expect(text).not.toContain('\ufffd');
  });

  it('speaks English when the application was in English', async () => {
    const text = extractPdfText(await renderAgreementPdf(agreement('en'), { compress: false }));
    expect(text).toContain('Grant Agreement');
    expect(text).toContain('Total amount of the grant: 7,000.00 EUR.');
    expect(text).toContain('5 March 2027');
  });

  it('reads back text set with a ligature, and every letter after it', async () => {
    // "fi" is one glyph standing for two letters: its text must not shift the glyphs that follow.
    const data = {
      ...agreement('en'),
      grantor: 'Profit Fiscal Office',
      grantee: { ...agreement('en').grantee, name: 'Марія Коваленко' },
    };
    const text = extractPdfText(await renderAgreementPdf(data, { compress: false }));
    expect(text).toContain('Profit Fiscal Office');
    expect(text).toContain('Марія Коваленко');
    expect(text).not.toContain('\ufffd');
  });

  it('is compressed by default', async () => {
    const pdf = await renderAgreementPdf(agreement('uk'));
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });
});
