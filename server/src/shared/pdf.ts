import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** DejaVu Sans covers Cyrillic and Latin; pdfkit's built-in fonts do not render Ukrainian. */
export const PDF_FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/**
 * A PDF document with the fonts `body` and `bold` registered (DejaVu Sans), and the bytes it
 * will have once `doc.end()` is called. `compress: false` writes readable streams, for tests.
 */
export function createPdf(options: PDFKit.PDFDocumentOptions & { compress?: boolean }) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, ...options });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', PDF_FONTS.body);
  doc.registerFont('bold', PDF_FONTS.bold);
  doc.font('body');
  return { doc, bytes };
}
