import { Readable } from 'node:stream';
import { can, type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { Upload, type UploadDoc } from '../db/models';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor } from '../workshops/access';
import { isImage } from './policy';
import { bucket } from './store';

export interface Download {
	id: string;
	name: string;
	type: string;
	size: number;
	/** Pictures are shown in the page; everything else is saved, never opened by the browser. */
	inline: boolean;
	/** Null when only access was asked for. */
	body: ReadableStream<Uint8Array> | null;
}

/** The rules of the thing a file belongs to decide who may fetch it. */
async function mayRead(actor: Actor, upload: UploadDoc): Promise<boolean> {
	switch (upload.ownerKind) {
		case 'workshop':
			return (
				!!upload.ownerId &&
				(await loadWorkshopFor(actor, upload.ownerId.toString(), 'workshop:view-roster')).ok
			);
		case 'forum':
			return can(actor, 'forum:view');
		default:
			return false;
	}
}

/**
 * A file for someone allowed to read it. Missing, malformed, guessed and forbidden ids answer
 * alike (not_found), so an id tells nobody whether a file exists. `withBody: false` checks
 * access only (for a conditional request that the browser already holds).
 */
export async function openDownload(
	actor: Actor,
	id: string,
	withBody = true
): Promise<Result<Download>> {
	if (!isObjectId(id)) return refused('not_found');
	const upload = await Upload.findById(id).lean<UploadDoc>();
	if (!upload || !(await mayRead(actor, upload))) return refused('not_found');
	const stream = withBody ? bucket().openDownloadStream(oid(id)) : null;
	return ok({
		id,
		name: upload.name,
		type: upload.type,
		size: upload.size,
		inline: isImage(upload.ext),
		body: stream ? (Readable.toWeb(stream) as ReadableStream<Uint8Array>) : null
	});
}
