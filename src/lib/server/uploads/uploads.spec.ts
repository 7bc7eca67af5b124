import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import mongoose, { Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	docx,
	docxWithLateContentTypes,
	fileOf,
	elfExecutable,
	minimalPdf,
	odt,
	pdfHtmlPolyglot,
	peExecutable,
	picture,
	zipOf
} from '../../../../tests/support/files';
import { useTestDatabase } from '../../../../tests/support/db';
import { Upload } from '../db/models';
import {
	containsMarkup,
	largestUploadRequestBytes,
	safeFileName,
	uploadPolicies,
	type UploadPolicy
} from './policy';
import { receiveUpload } from './receive';
import { storeUpload } from './store';

useTestDatabase('uploads');

const uploader = new Types.ObjectId().toString();
const workshop = { kind: 'workshop' as const, id: new Types.ObjectId().toString() };

/** The bytes as a browser would stream them: in pieces of 16 KiB. */
function streamOf(bytes: Buffer, piece = 16 * 1024): AsyncIterable<Uint8Array> {
	const pieces: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += piece) pieces.push(bytes.subarray(at, at + piece));
	return Readable.from(pieces);
}

function store(bytes: Buffer, name: string, policy: UploadPolicy = uploadPolicies.material) {
	return storeUpload(streamOf(bytes), { name, policy, owner: workshop, uploadedBy: uploader });
}

const collection = (name: string) => mongoose.connection.db!.collection(name);
async function storedFiles() {
	return {
		records: await Upload.countDocuments(),
		files: await collection('uploads.files').countDocuments(),
		chunks: await collection('uploads.chunks').countDocuments()
	};
}

beforeEach(async () => {
	await Upload.deleteMany({});
	await collection('uploads.files').deleteMany({});
	await collection('uploads.chunks').deleteMany({});
});

describe('accepted files', () => {
	it.each([
		['Protokoll.pdf', () => minimalPdf(), 'pdf', 'application/pdf'],
		['Foto.png', () => picture('png'), 'png', 'image/png'],
		['Foto.jpeg', () => picture('jpeg'), 'jpg', 'image/jpeg'],
		['Foto.webp', () => picture('webp'), 'webp', 'image/webp'],
		['Foto.gif', () => picture('gif'), 'gif', 'image/gif'],
		[
			'Bericht.docx',
			() => docx(),
			'docx',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		],
		['Text.odt', () => odt(), 'odt', 'application/vnd.oasis.opendocument.text']
	])('%s is stored with the type read from its content', async (name, make, ext, type) => {
		const bytes = await make();
		const stored = await store(bytes, name);
		expect(stored).toMatchObject({ ok: true, value: { name, ext, type, size: bytes.length } });
		const record = await Upload.findById(stored.ok && stored.value.id).lean();
		expect(record?.type).toBe(type);
	});

	it('reads a Word file again in full when its type entry lies past the first bytes', async () => {
		const stored = await store(docxWithLateContentTypes(), 'Bericht.docx');
		expect(stored).toMatchObject({ ok: true, value: { ext: 'docx' } });
	});

	it('keeps the bytes intact across GridFS chunks', async () => {
		const bytes = docxWithLateContentTypes(600 * 1024);
		const stored = await store(bytes, 'gross.docx');
		expect(stored.ok).toBe(true);
		const bucket = new mongoose.mongo.GridFSBucket(mongoose.connection.db!, {
			bucketName: 'uploads'
		});
		const read: Buffer[] = [];
		for await (const chunk of bucket.openDownloadStream(
			new Types.ObjectId(stored.ok ? stored.value.id : undefined)
		))
			read.push(chunk as Buffer);
		expect(Buffer.concat(read).equals(bytes)).toBe(true);
		expect((await storedFiles()).chunks).toBe(3);
	});
});

describe('refused files leave nothing behind', () => {
	it.each([
		[
			'a Linux program renamed to .pdf',
			'Folien.pdf',
			() => elfExecutable(),
			'uploads.errors.materialType'
		],
		[
			'a Windows program renamed to .docx',
			'Bericht.docx',
			() => peExecutable(),
			'uploads.errors.materialType'
		],
		['an empty file', 'leer.pdf', () => Buffer.alloc(0), 'uploads.errors.empty'],
		[
			'a PDF that is also a web page',
			'Folien.pdf',
			() => pdfHtmlPolyglot(),
			'uploads.errors.markup'
		],
		[
			'an SVG picture',
			'Logo.png',
			() => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
			'uploads.errors.markup'
		],
		[
			'plain text',
			'notiz.pdf',
			() => Buffer.from('nur Text, kein PDF'),
			'uploads.errors.materialType'
		],
		[
			'a plain zip archive',
			'archiv.docx',
			() => zipOf([['a.txt', 'a']]),
			'uploads.errors.materialType'
		]
	])('%s', async (_what, name, make, message) => {
		const stored = await store(await make(), name);
		expect(stored).toEqual({ ok: false, failure: { code: 'invalid', message, field: 'file' } });
		expect(await storedFiles()).toEqual({ records: 0, files: 0, chunks: 0 });
	});

	it('a PDF among forum pictures', async () => {
		const stored = await store(minimalPdf(), 'bild.png', uploadPolicies.forumImage);
		expect(stored).toMatchObject({ ok: false, failure: { message: 'uploads.errors.imageType' } });
	});

	it('a file over the cap, counted while it streams (no length known in advance)', async () => {
		const small: UploadPolicy = { ...uploadPolicies.material, maxBytes: 100 * 1024 };
		const stored = await store(docxWithLateContentTypes(300 * 1024), 'gross.docx', small);
		expect(stored).toMatchObject({
			ok: false,
			failure: { message: 'uploads.errors.materialTooLarge' }
		});
		expect(await storedFiles()).toEqual({ records: 0, files: 0, chunks: 0 });
	});

	it('a transfer that breaks off midway', async () => {
		async function* breaksOff() {
			yield minimalPdf();
			yield Buffer.alloc(70 * 1024, 1);
			throw new Error('connection reset');
		}
		const stored = await storeUpload(breaksOff(), {
			name: 'x.pdf',
			policy: uploadPolicies.material,
			owner: workshop,
			uploadedBy: uploader
		});
		expect(stored).toMatchObject({ ok: false, failure: { message: 'uploads.errors.incomplete' } });
		expect(await storedFiles()).toEqual({ records: 0, files: 0, chunks: 0 });
	});
});

describe('file names', () => {
	it.each([
		['../../etc/passwd', 'pdf', 'passwd.pdf'],
		['C:\\Users\\anna\\Folien.pdf', 'pdf', 'Folien.pdf'],
		['Folien\u0000\u0007\n.pdf', 'pdf', 'Folien.pdf'],
		// A right-to-left override makes "Rechnung\u202Efdp.exe" read as "Rechnungexe.pdf"
		['Rechnung\u202Efdp.exe', 'pdf', 'Rechnungfdp.exe.pdf'],
		['..hidden.pdf', 'pdf', 'hidden.pdf'],
		['a:b*c?"d<e>f|g.pdf', 'pdf', 'a_b_c__d_e_f_g.pdf'],
		['', 'png', 'datei.png'],
		['...', 'png', 'datei.png'],
		['Foto.JPEG', 'jpg', 'Foto.jpeg'],
		['Foto.jpg', 'png', 'Foto.jpg.png'],
		['Übersicht – Ergebnisse.pdf', 'pdf', 'Übersicht – Ergebnisse.pdf'],
		[`${'x'.repeat(300)}.pdf`, 'pdf', `${'x'.repeat(120)}.pdf`]
	] as const)('%j becomes %j', (raw, ext, expected) => {
		expect(safeFileName(raw, ext)).toBe(expected);
	});

	it('a hostile name sent by a browser form is stored neutralised', async () => {
		const form = new FormData();
		form.set('title', 'Folien');
		form.set('file', fileOf(minimalPdf(), '../../../etc/\u202Etxt.exe'));
		const request = new Request('http://localhost/upload', { method: 'POST', body: form });
		const received = await receiveUpload(request, {
			fileField: 'file',
			policy: uploadPolicies.material,
			owner: workshop,
			uploadedBy: uploader
		});
		expect(received).toMatchObject({
			ok: true,
			value: { fields: { title: 'Folien' }, upload: { name: 'txt.exe.pdf', ext: 'pdf' } }
		});
	});
});

describe('multipart forms', () => {
	const receive = (body: FormData | string, headers: Record<string, string> = {}) =>
		receiveUpload(new Request('http://localhost/upload', { method: 'POST', body, headers }), {
			fileField: 'file',
			policy: uploadPolicies.forumImage,
			owner: { kind: 'forum' },
			uploadedBy: uploader
		});

	it('an empty file input (no file chosen) asks for a file', async () => {
		const form = new FormData();
		form.set('file', new File([], ''));
		expect(await receive(form)).toMatchObject({
			ok: false,
			failure: { message: 'uploads.errors.missing' }
		});
	});

	it('a body that is not a multipart form asks for a file', async () => {
		expect(
			await receive('file=x', { 'content-type': 'application/x-www-form-urlencoded' })
		).toMatchObject({ ok: false, failure: { message: 'uploads.errors.missing' } });
	});

	it('a declared length over the cap is refused before the body is read', async () => {
		const form = new FormData();
		form.set('file', fileOf(await picture('png'), 'a.png'));
		const tooLong = String(uploadPolicies.forumImage.maxBytes + 65 * 1024);
		expect(await receive(form, { 'content-length': tooLong })).toMatchObject({
			ok: false,
			failure: { message: 'uploads.errors.imageTooLarge' }
		});
		expect(await storedFiles()).toEqual({ records: 0, files: 0, chunks: 0 });
	});

	it('only the first file of the named field is taken', async () => {
		const form = new FormData();
		form.append('other', fileOf(minimalPdf(), 'x.pdf'));
		form.append('file', fileOf(await picture('gif'), 'a.gif'));
		const received = await receive(form);
		expect(received).toMatchObject({ ok: true, value: { upload: { name: 'a.gif' } } });
		expect((await storedFiles()).records).toBe(1);
	});
});

it('finds the markup anywhere in the first bytes, in any case', () => {
	const head = Buffer.concat([minimalPdf(), Buffer.alloc(30_000, 0x20), Buffer.from('<SCRIPT>')]);
	expect(containsMarkup(head)).toBe(true);
	expect(containsMarkup(minimalPdf())).toBe(false);
});

it('the server takes request bodies as large as the largest upload and its form', () => {
	const entry = readFileSync('server/index.js', 'utf8');
	const megabytes = Number(/BODY_SIZE_LIMIT \?\?= '(\d+)M'/.exec(entry)?.[1]);
	expect(megabytes * 1024 * 1024).toBeGreaterThanOrEqual(largestUploadRequestBytes);
});
