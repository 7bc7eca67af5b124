import mongoose, { trusted } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member, Upload, Workshop, WorkshopRegistration } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import {
	elfExecutable,
	fileOf,
	minimalPdf,
	pdfHtmlPolyglot,
	peExecutable,
	picture
} from '../support/files';

/**
 * Uploads against the built server with the demo data: the materials form of the upcoming
 * 3. Transfer-Workshop (Anna and her supervisor Petra are on its roster), pictures for forum
 * posts, and a second app instance on the same database serving what the first one stored.
 */
describe('uploads', () => {
	let first: RunningApp;
	let second: RunningApp;
	let workshopId: string;
	const cookies: Record<string, string> = {};

	beforeAll(async () => {
		const uri = databaseUri(`uploads_${Date.now()}`);
		first = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		second = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'never' });
		await mongoose.connect(uri);
		const workshop = (await Workshop.findOne({ number: 3 }).lean())!;
		workshopId = workshop._id.toString();
		const roster = await WorkshopRegistration.find({ workshopId: workshop._id }).lean();
		const outsider = (await Member.findOne({
			// An alumna only: moderators see every roster.
			roles: ['alumni'],
			cohortIds: trusted({ $in: workshop.audienceCohortIds }),
			_id: trusted({ $nin: roster.map((r) => r.memberId) })
		}).lean())!;
		const emails = {
			organiser: 'organisation@netzwerk.example',
			anna: 'anna.schulze@netzwerk.example',
			petra: 'petra.lange@netzwerk.example',
			guenter: 'guenter.roth@netzwerk.example',
			outsider: outsider.email
		};
		for (const [who, email] of Object.entries(emails))
			cookies[who] = await login(first, email, demoPassword);
		// Two app starts, one with the demo data, on a busy two-core machine.
	}, 180_000);
	afterAll(async () => {
		await mongoose.disconnect();
		await Promise.all([first?.stop(), second?.stop()]);
	});

	/** The materials form as a browser without JavaScript sends it. */
	function uploadMaterial(who: string, file: File, fileTitle = '') {
		const form = new FormData();
		form.set('fileTitle', fileTitle);
		form.set('file', file);
		return fetch(`${first.url}/workshops/${workshopId}/materials?/upload`, {
			method: 'POST',
			headers: { cookie: cookies[who]!, origin: first.url, accept: 'text/html' },
			body: form
		});
	}

	const download = (app: RunningApp, who: string | null, id: string, headers = {}) =>
		fetch(`${app.url}/uploads/${id}`, {
			headers: { ...(who ? { cookie: cookies[who]! } : {}), ...headers },
			redirect: 'manual'
		});

	it('an organiser uploads a PDF; the roster downloads it from either instance with safe headers', async () => {
		const pdf = minimalPdf();
		const res = await uploadMaterial(
			'organiser',
			fileOf(pdf, 'Präsentation – Tag 1.pdf'),
			'Folien'
		);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Das Material wurde hinzugefügt.');
		const stored = (await Upload.findOne({ name: 'Präsentation – Tag 1.pdf' }).lean())!;
		const id = stored._id.toString();

		for (const app of [first, second]) {
			const file = await download(app, 'anna', id);
			expect(file.status).toBe(200);
			expect(Object.fromEntries(file.headers)).toMatchObject({
				'content-type': 'application/pdf',
				'content-disposition':
					'attachment; filename="Pr_sentation _ Tag 1.pdf"; filename*=UTF-8\'\'Pr%C3%A4sentation%20%E2%80%93%20Tag%201.pdf',
				'x-content-type-options': 'nosniff',
				'cache-control': 'private, no-cache',
				'content-length': String(pdf.length)
			});
			expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
		}
		const again = await download(second, 'anna', id, { 'if-none-match': `"${id}"` });
		expect(again.status).toBe(304);

		// Petra is Anna's supervisor on the roster; the materials are hers to see too.
		expect((await download(first, 'petra', id)).status).toBe(200);
		// Not on this roster, a guessed id, or signed out: nothing to find.
		expect((await download(first, 'outsider', id)).status).toBe(404);
		expect((await download(first, 'guenter', id)).status).toBe(404);
		expect((await download(first, 'anna', '0123456789abcdef01234567')).status).toBe(404);
		expect((await download(first, null, id)).status).toBe(401);
		const page = await fetch(`${first.url}/workshops/${workshopId}`, {
			headers: { cookie: cookies.outsider! }
		});
		expect(await page.text()).not.toContain(`/uploads/${id}`);
	});

	it.each([
		[
			'a Linux program named .pdf',
			() => fileOf(elfExecutable(), 'Folien.pdf'),
			'Diese Art von Datei wird nicht angenommen.'
		],
		[
			'a Windows program named .docx',
			() => fileOf(peExecutable(), 'Bericht.docx'),
			'Diese Art von Datei wird nicht angenommen.'
		],
		['an empty file', () => fileOf(Buffer.alloc(0), 'leer.pdf'), 'Die Datei ist leer.'],
		[
			'a PDF that is also a web page',
			() => fileOf(pdfHtmlPolyglot(), 'x.pdf'),
			'aus Sicherheitsgründen nicht angenommen'
		],
		['no file at all', () => new File([], ''), 'Bitte wählen Sie eine Datei aus.']
	])(
		'refuses %s with a clear message, the title kept, and stores nothing',
		async (_what, make, message) => {
			const before = await Upload.countDocuments();
			const res = await uploadMaterial('organiser', make(), 'Mein Titel');
			expect(res.status).toBe(400);
			const html = await res.text();
			expect(html).toContain(message);
			expect(html).toContain('value="Mein Titel"');
			expect(await Upload.countDocuments()).toBe(before);
		}
	);

	it('refuses a file over 25 MB before storing any of it', async () => {
		const before = await mongoose.connection.db!.collection('uploads.chunks').countDocuments();
		const big = Buffer.concat([minimalPdf(), Buffer.alloc(25 * 1024 * 1024, 0x20)]);
		const res = await uploadMaterial('organiser', fileOf(big, 'gross.pdf'));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Die Datei ist zu groß: höchstens 25 MB.');
		expect(await mongoose.connection.db!.collection('uploads.chunks').countDocuments()).toBe(
			before
		);
	});

	it('stores a hostile file name neutralised', async () => {
		const res = await uploadMaterial(
			'organiser',
			fileOf(minimalPdf(), '..\\..\\Windows\\\u202Efdp.exe')
		);
		expect(res.status).toBe(200);
		expect(await Upload.exists({ name: 'fdp.exe.pdf' })).not.toBeNull();
	});

	it('a participant may not upload unless the organisers allow it', async () => {
		const res = await uploadMaterial('anna', fileOf(minimalPdf(), 'anna.pdf'));
		expect(res.status).toBe(403);
		expect(await Upload.exists({ name: 'anna.pdf' })).toBeNull();
	});

	it('a forum picture is stored for the post and shown inline to every forum reader', async () => {
		const png = await picture('png');
		const form = new FormData();
		form.set('file', fileOf(png, 'Flipchart.png'));
		const res = await fetch(`${first.url}/forum/images`, {
			method: 'POST',
			headers: { cookie: cookies.anna!, origin: first.url },
			body: form
		});
		expect(res.status).toBe(201);
		const { url, markdown } = (await res.json()) as { url: string; markdown: string };
		expect(url).toMatch(/^\/uploads\/[a-f0-9]{24}$/);
		expect(markdown).toBe(`![Flipchart](${url})`);
		const shown = await fetch(second.url + url, { headers: { cookie: cookies.petra! } });
		expect(shown.status).toBe(200);
		expect(shown.headers.get('content-type')).toBe('image/png');
		expect(shown.headers.get('content-disposition')).toBe('inline; filename="Flipchart.png"');
		expect((await fetch(first.url + url)).status).toBe(401);

		const pdf = new FormData();
		pdf.set('file', fileOf(minimalPdf(), 'bild.png'));
		const refused = await fetch(`${first.url}/forum/images`, {
			method: 'POST',
			headers: { cookie: cookies.anna!, origin: first.url },
			body: pdf
		});
		expect(refused.status).toBe(400);
		expect(await refused.json()).toEqual({
			code: 'invalid',
			error: 'Erlaubt sind Bilder im Format PNG, JPEG, WebP oder GIF.'
		});
	});

	it('routes without files keep the 3 MB body cap', async () => {
		const res = await postForm(
			first,
			'/settings?/profile',
			{ bio: 'x'.repeat(4 * 1024 * 1024) },
			{ cookie: cookies.anna! }
		);
		expect(res.status).toBe(413);
	});
});
