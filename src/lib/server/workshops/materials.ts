import { trusted, type Types } from 'mongoose';
import type { MessageKey } from '$lib/i18n';
import { materialFileSchema } from '$lib/schemas/materials';
import { record } from '../audit';
import { can, type Actor, type WorkshopResource } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { Member, Workshop, WorkshopMaterial, type WorkshopMaterialDoc } from '../db/models';
import { ok, refused, type Result } from '../result';
import * as uploads from '../uploads';
import { loadWorkshopFor, type LoadedWorkshop } from './access';

export interface MaterialDto {
	id: string;
	kind: 'file' | 'link';
	title: string;
	/** The file's name, or the link's address. */
	name: string;
	/** Where it opens: the file's download address (after the roster check), or the link. */
	href: string;
	size: number | null;
	/** The type detected from a file's content ('pdf', 'docx', ...), or 'link'. */
	type: uploads.FileExt | 'link';
	addedBy: string;
	addedAt: string;
	mayRemove: boolean;
}

export interface MaterialsDto {
	items: MaterialDto[];
	mayAdd: boolean;
	/** Organisers decide whether participants may add materials too. */
	mayConfigure: boolean;
	participantUploads: boolean;
}

type MaterialLean = WorkshopMaterialDoc & { createdAt: Date };

function materialDto(
	actor: Actor,
	resource: WorkshopResource,
	m: MaterialLean,
	names: Map<string, string>
): MaterialDto {
	const isFile = m.kind === 'file';
	return {
		id: m._id.toString(),
		kind: m.kind as MaterialDto['kind'],
		title: m.title || m.name,
		name: isFile ? m.name : m.url,
		href: isFile && m.uploadId ? `/uploads/${m.uploadId.toString()}` : m.url,
		size: isFile ? (m.size ?? null) : null,
		type: isFile ? (m.ext as uploads.FileExt) : 'link',
		addedBy: names.get(m.addedBy.toString()) ?? '—',
		addedAt: m.createdAt.toISOString(),
		mayRemove: can(actor, 'workshop:remove-material', {
			...resource,
			addedByActor: m.addedBy.toString() === actor.id
		})
	};
}

async function namesOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
	const members = await Member.find({ _id: trusted({ $in: ids }) }, { displayName: 1 }).lean();
	return new Map(members.map((m) => [m._id.toString(), m.displayName]));
}

/** The materials of a loaded workshop, for those who see its roster; null for everyone else. */
export async function materialsOf(
	actor: Actor,
	{ workshop, resource }: LoadedWorkshop
): Promise<MaterialsDto | null> {
	if (!can(actor, 'workshop:view-roster', resource)) return null;
	const rows = await WorkshopMaterial.find({ workshopId: workshop._id })
		.sort({ createdAt: 1, _id: 1 })
		.lean<MaterialLean[]>();
	const names = await namesOf(rows.map((r) => r.addedBy));
	return {
		items: rows.map((m) => materialDto(actor, resource, m, names)),
		mayAdd: can(actor, 'workshop:add-material', resource),
		mayConfigure: can(actor, 'workshop:manage', resource),
		participantUploads: resource.participantUploads === true
	};
}

export interface MaterialsPageDto {
	workshop: { id: string; number: number | null; title: string };
	materials: MaterialsDto;
}

/** The materials on a page of their own (where a form without JavaScript lands on an error). */
export async function getMaterialsPage(
	actor: Actor,
	workshopId: string
): Promise<Result<MaterialsPageDto>> {
	const loaded = await loadWorkshopFor(actor, workshopId, 'workshop:view-roster');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	return ok({
		workshop: { id: workshopId, number: workshop.number ?? null, title: workshop.title },
		materials: (await materialsOf(actor, loaded.value))!
	});
}

async function added(
	actor: Actor,
	loaded: LoadedWorkshop,
	fields: Omit<WorkshopMaterialDoc, '_id' | 'workshopId' | 'addedBy' | 'createdAt' | 'updatedAt'>
): Promise<MaterialDto> {
	const material = await WorkshopMaterial.create({
		...fields,
		workshopId: loaded.workshop._id,
		addedBy: oid(actor.id)
	});
	await record({
		actorId: actor.id,
		action: 'workshop.material.add',
		targetType: 'workshop',
		targetId: loaded.workshop._id.toString(),
		summary: fields.title || fields.name || fields.url,
		details: { materialId: material._id.toString(), kind: fields.kind }
	});
	const names = await namesOf([oid(actor.id)]);
	return materialDto(actor, loaded.resource, material.toObject() as MaterialLean, names);
}

/**
 * Streams the uploaded file of a materials form into the upload service, once the actor may
 * add materials here; nothing of the body is read before that check.
 */
export async function addMaterialFile(
	actor: Actor,
	input: {
		workshopId: string;
		form: uploads.IncomingForm;
		/** Filled with the form's text fields as they are read, for the form to show again. */
		fields?: Record<string, string>;
	}
): Promise<Result<MaterialDto>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:add-material');
	if (!loaded.ok) return loaded;
	const received = await uploads.receiveUpload(input.form, {
		fileField: 'file',
		policy: uploads.uploadPolicies.material,
		owner: { kind: 'workshop', id: input.workshopId },
		uploadedBy: actor.id,
		fields: input.fields
	});
	if (!received.ok) return received;
	const { upload, fields } = received.value;
	const parsed = materialFileSchema.safeParse(fields);
	if (!parsed.success) {
		await uploads.deleteUpload(upload.id);
		const key = parsed.error.issues[0]?.message ?? 'invalid';
		return refused('invalid', `validation.${key}` as MessageKey, 'fileTitle');
	}
	return ok(
		await added(actor, loaded.value, {
			kind: 'file',
			title: parsed.data.fileTitle,
			url: '',
			uploadId: oid(upload.id),
			name: upload.name,
			size: upload.size,
			ext: upload.ext
		})
	);
}

export async function addMaterialLink(
	actor: Actor,
	input: { workshopId: string; title: string; url: string }
): Promise<Result<MaterialDto>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:add-material');
	if (!loaded.ok) return loaded;
	return ok(
		await added(actor, loaded.value, {
			kind: 'link',
			title: input.title,
			url: input.url,
			uploadId: null,
			name: '',
			size: null,
			ext: ''
		})
	);
}

/** Organisers remove any material, whoever added one their own; a file goes with it. */
export async function removeMaterial(
	actor: Actor,
	input: { workshopId: string; materialId: string }
): Promise<Result<{ id: string }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view-roster');
	if (!loaded.ok) return loaded;
	const { workshop, resource } = loaded.value;
	const material = isObjectId(input.materialId)
		? await WorkshopMaterial.findOne({
				_id: oid(input.materialId),
				workshopId: workshop._id
			}).lean<MaterialLean>()
		: null;
	if (!material) return refused('not_found');
	const addedByActor = material.addedBy.toString() === actor.id;
	if (!can(actor, 'workshop:remove-material', { ...resource, addedByActor }))
		return refused('forbidden');
	await WorkshopMaterial.deleteOne({ _id: material._id });
	if (material.uploadId) await uploads.deleteUpload(material.uploadId.toString());
	await record({
		actorId: actor.id,
		action: 'workshop.material.remove',
		targetType: 'workshop',
		targetId: input.workshopId,
		summary: material.title || material.name || material.url,
		details: { materialId: input.materialId, kind: material.kind, addedByActor }
	});
	return ok({ id: input.materialId });
}

/** Organisers open or close adding materials to participants. */
export async function setParticipantUploads(
	actor: Actor,
	input: { workshopId: string; participantUploads: boolean }
): Promise<Result<{ participantUploads: boolean }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:manage');
	if (!loaded.ok) return loaded;
	await Workshop.updateOne(
		{ _id: loaded.value.workshop._id },
		{ $set: { participantUploads: input.participantUploads } }
	);
	await record({
		actorId: actor.id,
		action: 'workshop.materials.settings',
		targetType: 'workshop',
		targetId: input.workshopId,
		summary: loaded.value.workshop.title,
		details: { participantUploads: input.participantUploads }
	});
	return ok({ participantUploads: input.participantUploads });
}
