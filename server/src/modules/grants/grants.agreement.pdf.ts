import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoney } from './grants.eligibility.ts';

/** Everything a grant agreement says, already decided; the renderer only lays it out. */
export interface AgreementData {
  language: 'uk' | 'en';
  referenceCode: string;
  /** The day the agreement is issued, YYYY-MM-DD. */
  issuedOn: string;
  grantor: string;
  grantee: {
    name: string;
    organisationName: string | null;
    businessIdMasked: string | null;
    place: string | null;
  };
  callTitle: string;
  amountMinor: number;
  currency: string;
  tranches: {
    amountMinor: number;
    dueDate: string;
    condition: string | null;
    modality: 'cash' | 'in_kind';
    items: { item: string; quantity: number; unitCostMinor: number; supplier: string | null }[];
  }[];
  obligations: string[];
}

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const LABELS = {
  uk: {
    title: 'Договір про надання гранту',
    number: 'Реєстраційний код заявки',
    issued: 'Дата',
    parties: '1. Сторони',
    grantor: 'Грантодавець',
    grantee: 'Грантоотримувач',
    organisation: 'Підприємство або ініціатива',
    businessId: 'Код ЄДРПОУ / РНОКПП',
    place: 'Місцезнаходження',
    subject: '2. Предмет договору',
    subjectText: (call: string) =>
      `Грантодавець надає, а Грантоотримувач приймає грант у межах конкурсу «${call}» і використовує його лише на цілі, погоджені комісією.`,
    amount: '3. Сума гранту',
    amountText: (amount: string) => `Загальна сума гранту: ${amount}.`,
    plan: '4. Графік виплат (транші)',
    tranche: 'Транш',
    due: 'строк',
    condition: 'умова',
    cash: 'грошова виплата',
    inKind: 'у натуральній формі (закупівля)',
    items: 'Позиції закупівлі',
    supplier: 'постачальник',
    obligations: '5. Зобовʼязання Грантоотримувача',
    monitoring: '6. Моніторинг',
    monitoringText:
      'Грантодавець проводить моніторингові візити через 3, 6 і 12 місяців після першої виплати; Грантоотримувач надає доступ до обладнання, приміщень і документів.',
    signatures: 'Підписи сторін',
    signatureLine: 'підпис, ПІБ, дата',
    page: 'Сторінка',
  },
  en: {
    title: 'Grant Agreement',
    number: 'Application reference code',
    issued: 'Date',
    parties: '1. Parties',
    grantor: 'Grantor',
    grantee: 'Grantee',
    organisation: 'Business or initiative',
    businessId: 'EDRPOU / RNOKPP code',
    place: 'Location',
    subject: '2. Purpose',
    subjectText: (call: string) =>
      `The Grantor awards and the Grantee accepts a grant under the call “${call}”, to be used only for the purposes approved by the committee.`,
    amount: '3. Amount',
    amountText: (amount: string) => `Total amount of the grant: ${amount}.`,
    plan: '4. Disbursement plan (tranches)',
    tranche: 'Tranche',
    due: 'due',
    condition: 'condition',
    cash: 'cash transfer',
    inKind: 'in kind (procurement)',
    items: 'Procurement lines',
    supplier: 'supplier',
    obligations: '5. Obligations of the Grantee',
    monitoring: '6. Monitoring',
    monitoringText:
      'The Grantor makes monitoring visits 3, 6 and 12 months after the first payment; the Grantee gives access to the equipment, premises and records.',
    signatures: 'Signatures',
    signatureLine: 'signature, name, date',
    page: 'Page',
  },
} as const;

/** Obligations every agreement carries unless the award says otherwise. */
export const DEFAULT_OBLIGATIONS = {
  uk: [
    'Використати грант лише на погоджені цілі протягом 3 місяців від першої виплати.',
    'Зберігати рахунки, накладні та акти і показувати їх під час моніторингу.',
    'Зберегти створені робочі місця щонайменше на 12 місяців.',
    'Не продавати й не передавати придбане обладнання протягом 12 місяців.',
    'Повідомити Грантодавця, якщо діяльність припиняється або переїжджає.',
    'Повернути кошти, використані не за призначенням.',
  ],
  en: [
    'Use the grant only for the approved purposes within 3 months of the first payment.',
    'Keep invoices, delivery notes and receipts, and show them at monitoring visits.',
    'Keep the jobs created for at least 12 months.',
    'Not sell or hand over the equipment bought for 12 months.',
    'Tell the Grantor if the activity stops or moves.',
    'Return any money not used for the approved purposes.',
  ],
} as const;

/** YYYY-MM-DD as people read it: 05.03.2027 (uk) or 5 March 2027 (en). */
export function formatDate(iso: string, language: 'uk' | 'en'): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (language === 'uk') return `${d}.${m}.${y}`;
  const month = new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${Number(d)} ${month} ${y}`;
}

/**
 * The grant agreement as a PDF (A4, DejaVu Sans so Cyrillic renders). `compress: false` writes
 * readable streams, for tests that look inside.
 */
export function renderAgreementPdf(a: AgreementData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const L = LABELS[a.language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: opts.compress ?? true,
    bufferPages: true,
    lang: a.language,
    info: {
      Title: `${L.title} ${a.referenceCode}`,
      Subject: a.callTitle,
      Keywords: a.referenceCode,
      Creator: 'Oselia',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const money = (minor: number) => formatMoney(minor, a.currency, a.language);
  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(12).text(text).moveDown(0.3).font('body').fontSize(10);
  };
  const field = (label: string, value: string | null) => {
    if (value) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  };

  doc.font('bold').fontSize(16).text(L.title, { align: 'center' });
  doc.font('body').fontSize(10).moveDown(0.5);
  doc.text(`${L.number}: ${a.referenceCode}`, { align: 'center' });
  doc.text(`${L.issued}: ${formatDate(a.issuedOn, a.language)}`, { align: 'center' });

  heading(L.parties);
  field(L.grantor, a.grantor);
  field(L.grantee, a.grantee.name);
  field(L.organisation, a.grantee.organisationName);
  field(L.businessId, a.grantee.businessIdMasked);
  field(L.place, a.grantee.place);

  heading(L.subject);
  doc.text(L.subjectText(a.callTitle));

  heading(L.amount);
  doc.text(L.amountText(money(a.amountMinor)));

  heading(L.plan);
  a.tranches.forEach((t, i) => {
    const kind = t.modality === 'cash' ? L.cash : L.inKind;
    doc
      .font('bold')
      .text(`${L.tranche} ${i + 1}: ${money(t.amountMinor)}`, { continued: true })
      .font('body')
      .text(` — ${kind}; ${L.due} ${formatDate(t.dueDate, a.language)}`);
    if (t.condition) doc.text(`${L.condition}: ${t.condition}`, { indent: 14 });
    if (t.items.length > 0) {
      doc.text(`${L.items}:`, { indent: 14 });
      for (const it of t.items) {
        const supplier = it.supplier ? `; ${L.supplier}: ${it.supplier}` : '';
        doc.text(
          `• ${it.item} — ${it.quantity} × ${money(it.unitCostMinor)} = ${money(it.quantity * it.unitCostMinor)}${supplier}`,
          { indent: 28 },
        );
      }
    }
    doc.moveDown(0.3);
  });

  heading(L.obligations);
  a.obligations.forEach((o, i) => {
    doc.text(`${i + 1}. ${o}`);
  });

  heading(L.monitoring);
  doc.text(L.monitoringText);

  heading(L.signatures);
  doc.moveDown(1);
  const y = doc.y;
  const width = (doc.page.width - 2 * 56 - 40) / 2;
  doc.text(`${L.grantor}: ${a.grantor}`, 56, y, { width });
  doc.text(`${L.grantee}: ${a.grantee.name}`, 56 + width + 40, y, { width });
  doc.moveDown(2.5);
  const lineY = doc.y;
  doc.text(`____________________ (${L.signatureLine})`, 56, lineY, { width });
  doc.text(`____________________ (${L.signatureLine})`, 56 + width + 40, lineY, { width });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .fontSize(8)
      .text(`${a.referenceCode} · ${L.page} ${i + 1} / ${range.count}`, 56, doc.page.height - 40, {
        align: 'center',
        width: doc.page.width - 112,
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
