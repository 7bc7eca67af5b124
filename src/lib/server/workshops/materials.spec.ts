import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { materialLinkSchema } from '$lib/schemas/materials';
import { fileOf, minimalPdf, picture } from '../../../../tests/support/files';
import { useTestDatabase } from '../../../../tests/support/db';
import { storeWorkshop } from '../../../../tests/support/workshops';
import { newActor, storeMembers } from '../../../../tests/support/records';
import type { Actor } from '../auth/permissions';
import { AuditEntry, Upload, Workshop, WorkshopRegistration } from '../db/models';
import { openDownload } from '../uploads';
import {
	addMaterialFile,
	addMaterialLink,
	getMaterialsPage,
	getWorkshopPage,
	removeMaterial,
	setParticipantUploads
} from './index';

useTestDatabase('materials');

const cohortId = new Types.ObjectId().toString();
const actor = (role: 'organiser' | 'alumni', displayName: string) => ({
	...newActor([role], role === 'alumni' ? [cohortId] : []),
	displayName
});
const organiser = actor('organiser', 'Olga Organisation');
const anna = actor('alumni', 'Anna Schulze');
const jonas = actor('alumni', 'Jonas Becker');
/** In the audience, but not on the roster. */
const outsider = actor('alumni', 'Otto Außen');

let workshopId: string;

beforeAll(async () => {
	await storeMembers([organiser, anna, jonas, outsider]);
	workshopId = await storeWorkshop(organiser.id, cohortId, {
		state: 'published'
	});
	for (const a of [anna, jonas])
		await WorkshopRegistration.create({
			workshopId,
			memberId: a.id,
			role: 'participant',
			status: 'confirmed',
			answer: 'yes'
		});
});

function uploadForm(bytes: Buffer, name: string, fileTitle = '') {
	const form = new FormData();
	form.set('fileTitle', fileTitle);
	form.set('file', fileOf(bytes, name));
	return new Request('http://localhost/materials', { method: 'POST', body: form });
}

async function upload(who: Actor, bytes: Buffer, name: string, fileTitle = '') {
	return addMaterialFile(who, { workshopId, form: uploadForm(bytes, name, fileTitle) });
}

describe('workshop materials', () => {
	it('an organiser’s file is listed for the roster and served to it only', async () => {
		const pdf = minimalPdf();
		const added = await upload(organiser, pdf, 'Programm.pdf', 'Programm des Tages');
		expect(added).toMatchObject({
			ok: true,
			value: { kind: 'file', title: 'Programm des Tages', name: 'Programm.pdf', type: 'pdf' }
		});
		const materialId = added.ok ? added.value.id : '';
		const page = await getWorkshopPage(anna, workshopId);
		expect(page.ok && page.value.materials).toMatchObject({
			mayAdd: false,
			mayConfigure: false,
			items: [{ id: materialId, size: pdf.length, addedBy: 'Olga Organisation', mayRemove: false }]
		});
		const uploadId = page.ok ? page.value.materials!.items[0]!.href.split('/').pop()! : '';

		expect(await openDownload(anna, uploadId)).toMatchObject({
			ok: true,
			value: { name: 'Programm.pdf', type: 'application/pdf', inline: false }
		});
		// Sees the workshop, not its roster: no materials, and the file is "not found".
		const outsiderPage = await getWorkshopPage(outsider, workshopId);
		expect(outsiderPage.ok && outsiderPage.value.materials).toBeNull();
		expect(await getMaterialsPage(outsider, workshopId)).toMatchObject({ ok: false });
		for (const id of [uploadId, new Types.ObjectId().toString(), 'not-an-id'])
			expect(await openDownload(outsider, id)).toMatchObject({
				ok: false,
				failure: { code: 'not_found' }
			});
		expect(await openDownload(anna, new Types.ObjectId().toString())).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
		expect(await AuditEntry.countDocuments({ action: 'workshop.material.add' })).toBe(1);
	});

	it('participants add files and links only when the organisers allow it', async () => {
		expect(await upload(anna, await picture('png'), 'Flipchart.png')).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(await Upload.countDocuments({ name: 'Flipchart.png' })).toBe(0);
		expect(
			await setParticipantUploads(anna, { workshopId, participantUploads: true })
		).toMatchObject({ ok: false, failure: { code: 'forbidden' } });

		expect(
			(await setParticipantUploads(organiser, { workshopId, participantUploads: true })).ok
		).toBe(true);
		const picture1 = await upload(anna, await picture('png'), 'Flipchart.png');
		expect(picture1).toMatchObject({ ok: true, value: { type: 'png', mayRemove: true } });
		const link = await addMaterialLink(anna, {
			workshopId,
			title: 'Kanban-Leitfaden',
			url: 'https://example.org/kanban.pdf'
		});
		expect(link).toMatchObject({ ok: true, value: { kind: 'link', type: 'link', size: null } });
		expect(
			await AuditEntry.countDocuments({
				action: 'workshop.materials.settings',
				targetId: workshopId
			})
		).toBe(1);

		// Jonas may not remove Anna's picture; Anna may, and its file goes with it.
		const pictureId = picture1.ok ? picture1.value.id : '';
		const fileId = picture1.ok ? picture1.value.href.split('/').pop()! : '';
		expect(await removeMaterial(jonas, { workshopId, materialId: pictureId })).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect((await removeMaterial(anna, { workshopId, materialId: pictureId })).ok).toBe(true);
		expect(await Upload.exists({ _id: fileId })).toBeNull();
		expect(await openDownload(anna, fileId)).toMatchObject({ ok: false });
		// Organisers remove anyone's; a guessed id is not found.
		const linkId = link.ok ? link.value.id : '';
		expect((await removeMaterial(organiser, { workshopId, materialId: linkId })).ok).toBe(true);
		expect(
			await removeMaterial(organiser, { workshopId, materialId: new Types.ObjectId().toString() })
		).toMatchObject({ ok: false, failure: { code: 'not_found' } });
		expect(await AuditEntry.countDocuments({ action: 'workshop.material.remove' })).toBe(2);
	});

	it('a refused file keeps the typed title and stores nothing', async () => {
		const fields: Record<string, string> = {};
		const refused = await addMaterialFile(organiser, {
			workshopId,
			form: uploadForm(Buffer.from('MZ'.padEnd(4096, '\0')), 'Folien.pdf', 'Folien'),
			fields
		});
		expect(refused).toMatchObject({
			ok: false,
			failure: { message: 'uploads.errors.materialType', field: 'file' }
		});
		expect(fields.fileTitle).toBe('Folien');
		expect(await Upload.countDocuments({ name: /^Folien/ })).toBe(0);
	});

	it('an archived workshop takes no more materials', async () => {
		await Workshop.updateOne({ _id: workshopId }, { $set: { state: 'archived' } });
		expect(await upload(organiser, minimalPdf(), 'spaet.pdf')).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		await Workshop.updateOne({ _id: workshopId }, { $set: { state: 'published' } });
	});

	it('links are https addresses of a named host', () => {
		const parse = (linkUrl: string) =>
			materialLinkSchema.safeParse({ linkTitle: 'x', linkUrl }).success;
		expect(parse('https://example.org/folien')).toBe(true);
		for (const url of ['http://example.org', 'javascript:alert(1)', 'https://127.0.0.1/x', 'x'])
			expect(parse(url)).toBe(false);
	});
});
