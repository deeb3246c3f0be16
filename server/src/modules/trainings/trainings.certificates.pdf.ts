import { createPdf } from '../../shared/pdf.ts';
import { hoursText } from './trainings.attendance.rules.ts';
import { formatCode } from './trainings.certificates.code.ts';

export interface CertificateData {
  holderName: string;
  title: { uk: string; en: string };
  startsOn: string;
  endsOn: string;
  minutes: number;
  code: string;
  /** Where anyone can check the code. */
  verifyUrl: string;
  issuer: string;
}

const ukDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A certificate of completion, in Ukrainian and English on one landscape A4 page: the name as
 * written, the training, its dates, the hours attended and the verification code.
 */
export function renderCertificatePdf(c: CertificateData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, bytes } = createPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    compress: opts.compress ?? true,
    lang: 'uk',
    info: {
      Title: `Сертифікат / Certificate ${formatCode(c.code)}`,
      Subject: c.title.uk || c.title.en,
      Keywords: formatCode(c.code),
      Creator: 'Oselia',
    },
  });
  const width = doc.page.width - 112;
  const centred = { align: 'center' as const, width };
  const hours = hoursText(c.minutes);
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#1c4e80');
  doc.moveDown(1);
  doc.font('bold').fontSize(28).fillColor('#1c4e80').text('СЕРТИФІКАТ', 56, doc.y, centred);
  doc.font('body').fontSize(14).fillColor('#333333').text('Certificate of completion', centred);
  doc
    .moveDown(1.2)
    .fillColor('#000000')
    .fontSize(12)
    .text('засвідчує, що / this is to certify that', centred);
  doc.moveDown(0.6).font('bold').fontSize(24).text(c.holderName, centred);
  doc
    .moveDown(0.6)
    .font('body')
    .fontSize(12)
    .text('успішно завершив(-ла) навчання / has completed the training', centred);
  doc.moveDown(0.5).font('bold').fontSize(16);
  if (c.title.uk) doc.text(`«${c.title.uk}»`, centred);
  if (c.title.en) doc.font('body').fontSize(13).text(`“${c.title.en}”`, centred);
  doc.moveDown(0.8).font('body').fontSize(12);
  doc.text(`${ukDate(c.startsOn)} – ${ukDate(c.endsOn)} · ${hours} год. / ${hours} hours`, centred);
  doc.moveDown(2).fontSize(11).text(c.issuer, centred);
  doc.moveDown(1.5).fontSize(10).fillColor('#333333');
  doc.text(`Код перевірки / Verification code: ${formatCode(c.code)}`, centred);
  doc.text(`${c.verifyUrl}`, centred);
  doc.end();
  return bytes;
}
