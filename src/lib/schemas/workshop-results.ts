import { z } from 'zod';
import { checkbox, isoDate, objectId, requiredText, text } from './fields';

/** The live room of one workshop (notes and the live view), joined over the socket. */
export const workshopRoomSchema = z.object({ workshopId: objectId });

/** One save of an agenda item's notes: the text, and the version the edit started from. */
export const noteSaveSchema = z.object({
	itemId: objectId,
	baseVersion: z.coerce.number('invalidNumber').int('invalidNumber').min(0, 'invalidNumber'),
	source: text(50_000)
});

export const noteTakerSchema = z.object({ memberId: objectId, noteTaker: checkbox });

export const liveMoveSchema = z.object({ by: z.enum(['-1', '1'], 'invalid').transform(Number) });

/** An organiser's correction of someone's attendance. */
export const attendanceSchema = z.object({
	memberId: objectId,
	attended: z.enum(['yes', 'no'], 'invalid').transform((v) => v === 'yes')
});

export const notesReopenSchema = z.object({ reopen: checkbox });

export const outcomeFormSchema = z
	.object({
		itemId: objectId,
		kind: z.enum(['decision', 'information', 'follow-up'], 'invalid'),
		text: requiredText(2000),
		ownerId: z.union([z.literal(''), objectId]).optional(),
		dueOn: z.union([z.literal(''), isoDate]).optional()
	})
	.transform(({ ownerId, dueOn, ...rest }) => ({
		...rest,
		ownerId: ownerId || null,
		dueOn: dueOn || null
	}));

export const outcomeRefSchema = z.object({ outcomeId: objectId });
