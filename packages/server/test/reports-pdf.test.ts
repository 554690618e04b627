import { expect, it } from 'vitest';
import { PdfReport, pdfText } from '../src/reports/pdf.js';
import { readPdf } from './support/pdf.js';

it('renders a branded report with tables that break across pages, charts and page numbers', async () => {
  const r = new PdfReport({
    orgName: 'Tartu City',
    title: 'Compliance report',
    generatedAt: new Date('2026-11-25T10:00:00Z'),
    timeZone: 'Europe/Tallinn',
  });
  r.heading('Summary').paragraph('The city implements 63 % of its requirements.');
  r.bars('By department', [
    { label: 'Transport', value: 0.62 },
    { label: 'Health', value: null },
  ]);
  r.heatmap('Department × level', ['Transport'], ['L', 'M'], [[0.9, null]]);
  r.table(
    ['Id', 'Title'],
    Array.from({ length: 120 }, (_, i) => [`cs-${i}`, `Requirement ${i}`]),
  );
  const { text, pages } = readPdf(await r.toBuffer());
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(text).toContain('Tartu City');
  expect(text).toContain('Generated 25 Nov 2026, 12:00 (Europe/Tallinn)');
  expect(text).toContain('62 %');
  expect(text).toContain('Requirement 119');
  expect(text).toContain(`Page ${pages} of ${pages}`);
  // The header row repeats on the next page.
  expect(text.split('Title').length - 1).toBeGreaterThanOrEqual(pages - 1);
});

it('replaces characters the standard fonts cannot show instead of garbling them', () => {
  expect(pdfText('Šiauliai – Tallinn 漢字 €')).toBe('Šiauliai – Tallinn ?? €');
  expect(pdfText('Rīga, Kraków, Plzeň, Győr — Київ, Αθήνα')).toBe('Rīga, Kraków, Plzeň, Győr — Київ, Αθήνα');
});
