import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { messages, type Locale } from '$lib/i18n';
import type { WorkshopSummary } from './summary';

// DejaVu covers umlauts, ß and far more of what members type than the PDF standard fonts
// (WinAnsi only); pdfkit embeds just the glyphs used.
const require = createRequire(import.meta.url);
const fonts = {
	regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
};

/** The summary as an A4 PDF, streamed while pdfkit writes it. */
export function summaryPdf(s: WorkshopSummary, locale: Locale): Readable {
	const t = messages(locale).workshopSummary.summary;
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		lang: locale,
		displayTitle: true,
		info: { Title: s.heading }
	});
	doc.registerFont('regular', fonts.regular);
	doc.registerFont('bold', fonts.bold);
	const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text);
	const line = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
		doc.font('regular').fontSize(10.5).text(text, options);
	const list = <T>(items: T[], each: (item: T) => void) =>
		items.length ? items.forEach(each) : line(t.none);

	doc.font('bold').fontSize(18).text(s.heading);
	line(`${t.when}: ${s.when}`);
	if (s.confidential) {
		doc.moveDown(0.5);
		line(t.confidentialNote, { oblique: true });
	}

	heading(t.agenda);
	list(s.agenda, (i) =>
		i.section
			? doc.font('bold').fontSize(10.5).text(i.title)
			: line(
					`• ${i.title}${i.minutes ? ` (${i.minutes} min)` : ''}${i.speaker ? ` – ${i.speaker}` : ''}`
				)
	);
	heading(t.needs);
	list(s.needs, (n) =>
		line(
			`• ${n.title}${n.municipality ? ` (${n.municipality})` : ''}: ${t.dots(n.dots)}${n.tie ? `, ${t.tie}` : ''}`
		)
	);
	heading(t.decisions);
	list(s.decisions, (d) => line(`• ${d.item}: ${d.text}`));
	heading(t.followUps);
	list(s.followUps, (f) =>
		line(`• ${f.text} – ${f.owner}${f.due ? `, ${t.due(f.due)}` : ''} (${f.item})`)
	);
	heading(t.materials);
	list(s.materials, (m) => line(`• ${m.title}`, { link: m.href, underline: true }));
	doc.end();
	return doc;
}
