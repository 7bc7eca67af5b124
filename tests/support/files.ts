import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** Real, minimal files of each kind the upload checks meet, built in memory. */

/** A one-page PDF with a correct cross-reference table. */
export function minimalPdf(extra = ''): Buffer {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'
	];
	let body = `%PDF-1.4\n${extra}`;
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

export function picture(format: 'png' | 'jpeg' | 'webp' | 'gif'): Promise<Buffer> {
	return sharp({ create: { width: 4, height: 3, channels: 3, background: '#0a5' } })
		.toFormat(format)
		.toBuffer();
}

/** The start of a Linux executable: the ELF header of a 64-bit x86 program. */
export function elfExecutable(): Buffer {
	const header = Buffer.alloc(4096);
	Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(header);
	header.writeUInt16LE(2, 16); // ET_EXEC
	header.writeUInt16LE(0x3e, 18); // x86-64
	return header;
}

/** The start of a Windows program: MZ stub pointing at a PE header. */
export function peExecutable(): Buffer {
	const file = Buffer.alloc(4096);
	file.write('MZ', 0, 'latin1');
	file.writeUInt32LE(0x80, 0x3c);
	file.write('PE\0\0', 0x80, 'latin1');
	file.writeUInt16LE(0x8664, 0x84);
	return file;
}

/** Little-endian fields of 2 or 4 bytes, one after the other, as zip headers are laid out. */
function fields(...values: [bytes: 2 | 4, value: number][]): Buffer {
	const out = Buffer.alloc(values.reduce((sum, [bytes]) => sum + bytes, 0));
	let at = 0;
	for (const [bytes, value] of values) {
		if (bytes === 2) out.writeUInt16LE(value, at);
		else out.writeUInt32LE(value, at);
		at += bytes;
	}
	return out;
}

/** A zip archive of stored (uncompressed) entries, in the given order. */
export function zipOf(entries: [name: string, data: Buffer | string][]): Buffer {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const data = typeof content === 'string' ? Buffer.from(content) : content;
		const fileName = Buffer.from(name);
		// flags, method (stored), time, date, crc, both sizes, name length, extra length
		const common: [2 | 4, number][] = [
			[2, 0],
			[2, 0],
			[2, 0],
			[2, 0],
			[4, crc32(data)],
			[4, data.length],
			[4, data.length],
			[2, fileName.length],
			[2, 0]
		];
		const local = fields([4, 0x04034b50], [2, 20], ...common);
		// + comment length, disk, internal and external attributes, offset of the local header
		const record = fields(
			[4, 0x02014b50],
			[2, 20],
			[2, 20],
			...common,
			[2, 0],
			[2, 0],
			[2, 0],
			[4, 0],
			[4, offset]
		);
		locals.push(local, fileName, data);
		central.push(record, fileName);
		offset += local.length + fileName.length + data.length;
	}
	const directory = Buffer.concat(central);
	const end = fields(
		[4, 0x06054b50],
		[2, 0],
		[2, 0],
		[2, entries.length],
		[2, entries.length],
		[4, directory.length],
		[4, offset],
		[2, 0]
	);
	return Buffer.concat([...locals, directory, end]);
}

/** A browser's File of these bytes. */
export const fileOf = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);

const wordContentTypes =
	'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const wordDocument =
	'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Protokoll</w:t></w:r></w:p></w:body></w:document>';

/** A Word document as Word writes it: the content-types entry first. */
export function docx(): Buffer {
	return zipOf([
		['[Content_Types].xml', wordContentTypes],
		['word/document.xml', wordDocument]
	]);
}

/** A Word document whose content-types entry comes last, after a large picture. */
export function docxWithLateContentTypes(pictureBytes = 200 * 1024): Buffer {
	return zipOf([
		['word/media/image1.bin', Buffer.alloc(pictureBytes, 7)],
		['word/document.xml', wordDocument],
		['[Content_Types].xml', wordContentTypes]
	]);
}

/** An OpenDocument text: the stored `mimetype` entry first, as the standard requires. */
export function odt(): Buffer {
	return zipOf([
		['mimetype', 'application/vnd.oasis.opendocument.text'],
		['content.xml', '<office:document-content/>']
	]);
}

/** A valid PDF that is also a web page: the polyglot a browser could be tricked into running. */
export function pdfHtmlPolyglot(): Buffer {
	return minimalPdf('<html><body><script>alert(document.cookie)</script></body></html>\n');
}

/** The whole body of a streamed export, as the browser would save it. */
export async function readStream(body: ReadableStream<Uint8Array>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body as unknown as AsyncIterable<Uint8Array>)
		chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}
