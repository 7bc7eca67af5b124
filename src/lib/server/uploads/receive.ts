import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { refused, ok, type Result } from '../result';
import { multipartAllowanceBytes } from './policy';
import { deleteUpload, storeUpload, type StoreInput, type UploadDto } from './store';

/** The parts of a request an upload needs: a route passes its `request`. */
export interface IncomingForm {
	headers: Headers;
	body: ReadableStream<Uint8Array> | null;
}

export interface ReceivedUpload {
	/** The form's text fields (first value of each), for the caller to validate. */
	fields: Record<string, string>;
	upload: UploadDto;
}

// Other file parts are read past; a form has at most a few.
const formLimits = { files: 3, fields: 20, fieldSize: 16 * 1024, parts: 25, headerPairs: 20 };

/**
 * Reads a multipart form and streams its one file (the field `fileField`) into storage while it
 * arrives: the request is never held in memory as a whole. The caller checks permission before
 * calling; a body longer than the cap allows is refused before a byte is read.
 */
export async function receiveUpload(
	incoming: IncomingForm,
	input: Omit<StoreInput, 'name'> & {
		fileField: string;
		/** Filled with the text fields as they arrive, also when the upload is refused. */
		fields?: Record<string, string>;
	}
): Promise<Result<ReceivedUpload>> {
	const contentType = incoming.headers.get('content-type') ?? '';
	const declared = Number(incoming.headers.get('content-length') ?? NaN);
	if (declared > input.policy.maxBytes + multipartAllowanceBytes)
		return refused('invalid', input.policy.tooLarge, 'file');
	if (!incoming.body || !/^multipart\/form-data/i.test(contentType))
		return refused('invalid', 'uploads.errors.missing', 'file');

	const fields = input.fields ?? {};
	const file: { active?: BusboyFileStream; stored?: Promise<Result<UploadDto>> } = {};
	let parser: ReturnType<typeof Busboy>;
	try {
		parser = Busboy({ headers: { 'content-type': contentType }, limits: formLimits });
	} catch {
		return refused('invalid', 'uploads.errors.missing', 'file');
	}
	parser.on('field', (name, value) => {
		fields[name] ??= value;
	});
	parser.on('file', (name, stream, filename) => {
		// A file input left empty still sends a part, with no name and no bytes.
		if (name !== input.fileField || file.stored || !filename) return void stream.resume();
		file.active = stream;
		file.stored = storeAndDrain(stream, { ...input, name: filename });
	});
	// Kit's body cap (BODY_SIZE_LIMIT) breaks the body with a 413 error.
	const broken = await pipeline(Readable.fromWeb(incoming.body as never), parser).then(
		() => null,
		(err: unknown) => {
			file.active?.destroy(err instanceof Error ? err : new Error(String(err)));
			const tooLarge = (err as { status?: unknown } | null)?.status === 413;
			return tooLarge ? input.policy.tooLarge : ('uploads.errors.incomplete' as const);
		}
	);
	const result = file.stored ? await file.stored : null;
	if (broken) {
		if (result?.ok) await deleteUpload(result.value.id);
		return refused('invalid', broken, 'file');
	}
	if (!result) return refused('invalid', 'uploads.errors.missing', 'file');
	if (!result.ok) return result;
	return ok({ fields, upload: result.value });
}

/** Stores the file, then reads what storage left unread, so the form's later parts arrive. */
async function storeAndDrain(file: BusboyFileStream, input: StoreInput) {
	const bytes = file.iterator({ destroyOnReturn: false });
	try {
		return await storeUpload(
			{ [Symbol.asyncIterator]: () => ({ next: () => bytes.next() }) },
			input
		);
	} finally {
		try {
			for (let next = await bytes.next(); !next.done; next = await bytes.next());
		} catch {
			// the body broke off: nothing left to read
		}
	}
}
