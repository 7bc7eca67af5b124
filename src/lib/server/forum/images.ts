import { can, type Actor } from '../auth/permissions';
import * as limits from '../limits';
import { ok, refused, type Result } from '../result';
import * as uploads from '../uploads';

export interface PostImageDto {
	/** Where the picture is served to forum readers; the only image source posts allow. */
	url: string;
	name: string;
	/** Ready to paste into a post. */
	markdown: string;
}

/** Brackets would end the Markdown image's alt text early. */
const altText = (name: string) =>
	name
		.replace(/\.[a-z0-9]+$/i, '')
		.replace(/[[\]\\]/g, ' ')
		.trim();

/**
 * Stores a picture for a post (PNG, JPEG, WebP or GIF, 5 MB) through the upload service. Every
 * forum reader may see it: the forum's read rule guards /uploads/<id> for it.
 */
export async function uploadPostImage(
	actor: Actor,
	form: uploads.IncomingForm
): Promise<Result<PostImageDto>> {
	if (!can(actor, 'forum:upload-image')) return refused('forbidden');
	if (!(await limits.take('forumImage', actor.id))) return refused('rate_limited');
	const received = await uploads.receiveUpload(form, {
		fileField: 'file',
		policy: uploads.uploadPolicies.forumImage,
		owner: { kind: 'forum' },
		uploadedBy: actor.id
	});
	if (!received.ok) return received;
	const { url, name } = received.value.upload;
	return ok({ url, name, markdown: `![${altText(name)}](${url})` });
}
