import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer, fileTypeFromStream } from 'file-type/node';
import mongoose, { Types } from 'mongoose';
import { Upload } from '../db/models';
import { ok, refused, type Result } from '../result';
import {
	containsMarkup,
	fileTypes,
	isAllowed,
	safeFileName,
	sniffWindowBytes,
	type FileExt,
	type UploadPolicy
} from './policy';

/**
 * Files live in the database (GridFS through the driver mongoose bundles), so every app
 * instance on it serves the same files. Checked on the embedded database too (compat.spec.ts).
 */
export function bucket() {
	const db = mongoose.connection.db;
	if (!db) throw new Error('database not connected');
	return new mongoose.mongo.GridFSBucket(db, { bucketName: 'uploads' });
}

export interface UploadDto {
	id: string;
	/** Where the file is served, after the permission check for its owner. */
	url: string;
	name: string;
	size: number;
	type: string;
	ext: FileExt;
	createdAt: string;
}

export type UploadOwner = { kind: 'workshop'; id: string } | { kind: 'forum' };

export interface StoreInput {
	/** The name the browser sent; only a neutralised form of it is kept. */
	name: string;
	policy: UploadPolicy;
	owner: UploadOwner;
	uploadedBy: string;
}

interface Received {
	size: number;
	tooLarge: boolean;
	broken: boolean;
}

/**
 * Passes the bytes on until the cap is crossed, then ends quietly, as it does when the sender
 * breaks off: ending (not failing) lets GridFS finish its writes before the file is deleted,
 * so no chunk insert is still under way when the delete runs. It never cancels the source
 * (whoever handed it over drains what is left).
 */
async function* capped(source: AsyncIterable<Uint8Array>, maxBytes: number, seen: Received) {
	const bytes = source[Symbol.asyncIterator]();
	try {
		for (let next = await bytes.next(); !next.done; next = await bytes.next()) {
			seen.size += next.value.byteLength;
			if (seen.size > maxBytes) {
				seen.tooLarge = true;
				return;
			}
			yield next.value;
		}
	} catch {
		seen.broken = true;
	}
}

/** Reads the first `window` bytes (or all, if shorter); the rest stays in the iterator. */
async function readHead(bytes: AsyncIterator<Uint8Array>, window: number) {
	const chunks: Uint8Array[] = [];
	let length = 0;
	let done = false;
	while (length < window) {
		const next = await bytes.next();
		if (next.done) {
			done = true;
			break;
		}
		chunks.push(next.value);
		length += next.value.byteLength;
	}
	return { chunks, head: Buffer.concat(chunks).subarray(0, window), done };
}

async function* concat(first: Uint8Array[], rest: AsyncIterator<Uint8Array>, restDone: boolean) {
	yield* first;
	if (restDone) return;
	for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function deleteFile(id: Types.ObjectId): Promise<void> {
	// Deletes the chunks even when the file record was never written.
	await bucket()
		.delete(id)
		.catch(() => undefined);
}

/** A zip container whose content-types entry lies past the window is read again in full. */
async function typeOfStoredZip(id: Types.ObjectId): Promise<string | undefined> {
	const stream = bucket().openDownloadStream(id);
	try {
		return (await fileTypeFromStream(stream))?.ext;
	} finally {
		stream.destroy();
	}
}

const fileRefused = (message: Parameters<typeof refused>[1]) => refused('invalid', message, 'file');

/**
 * Streams one file into GridFS. The type is decided from the content before anything is
 * written (from the first bytes; for Office files whose zip directory entry comes late, from
 * the stored copy), markup in the first bytes is refused, and the size cap is counted while
 * streaming: a refused file is deleted before this answers, and only an accepted one gets the
 * Upload record that makes it servable.
 */
export async function storeUpload(
	source: AsyncIterable<Uint8Array>,
	input: StoreInput
): Promise<Result<UploadDto>> {
	const seen: Received = { size: 0, tooLarge: false, broken: false };
	const bytes = capped(source, input.policy.maxBytes, seen)[Symbol.asyncIterator]();
	const { chunks, head, done } = await readHead(bytes, sniffWindowBytes);
	if (seen.broken) return fileRefused('uploads.errors.incomplete');
	if (seen.tooLarge) return fileRefused(input.policy.tooLarge);
	if (head.byteLength === 0) return fileRefused('uploads.errors.empty');
	if (containsMarkup(head)) return fileRefused('uploads.errors.markup');
	let ext = (await fileTypeFromBuffer(head))?.ext as string | undefined;
	const zipToReread = ext === 'zip' && !done;
	if (!zipToReread && !isAllowed(ext, input.policy)) return fileRefused(input.policy.wrongType);

	const id = new Types.ObjectId();
	try {
		// The display name lives in the Upload record; GridFS keeps the bytes under the id.
		const upload = bucket().openUploadStreamWithId(id, id.toString());
		await pipeline(Readable.from(concat(chunks, bytes, done)), upload);
	} catch (err) {
		await deleteFile(id);
		throw err;
	}
	if (seen.broken || seen.tooLarge) {
		await deleteFile(id);
		return fileRefused(seen.tooLarge ? input.policy.tooLarge : 'uploads.errors.incomplete');
	}
	if (zipToReread) {
		ext = await typeOfStoredZip(id);
		if (!isAllowed(ext, input.policy)) {
			await deleteFile(id);
			return fileRefused(input.policy.wrongType);
		}
	}
	const allowed = ext as FileExt;
	const record = {
		_id: id,
		name: safeFileName(input.name, allowed),
		size: seen.size,
		type: fileTypes[allowed],
		ext: allowed,
		ownerKind: input.owner.kind,
		ownerId: input.owner.kind === 'workshop' ? new Types.ObjectId(input.owner.id) : null,
		uploadedBy: new Types.ObjectId(input.uploadedBy)
	};
	try {
		const created = await Upload.create(record);
		return ok(uploadDto({ ...record, createdAt: created.createdAt }));
	} catch (err) {
		await deleteFile(id);
		throw err;
	}
}

export function uploadDto(u: {
	_id: Types.ObjectId;
	name: string;
	size: number;
	type: string;
	ext: string;
	createdAt: Date;
}): UploadDto {
	const id = u._id.toString();
	return {
		id,
		url: `/uploads/${id}`,
		name: u.name,
		size: u.size,
		type: u.type,
		ext: u.ext as FileExt,
		createdAt: u.createdAt.toISOString()
	};
}

/** Removes a file and its record; the owner's service decides who may. */
export async function deleteUpload(id: string): Promise<void> {
	const _id = new Types.ObjectId(id);
	await Upload.deleteOne({ _id });
	await deleteFile(_id);
}
