import { Schema } from 'mongoose';
import { defineModel } from './model';

export const searchKinds = ['post', 'thread', 'message'] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * Recent writes the search index must pick up: every instance reads the last seconds of this
 * log and reloads the named records from their collection. One entry names all records of a
 * kind an instance wrote within a moment (a busy chat stores hundreds of messages a second, and
 * each read of the log scans it on the embedded database). Entries older than a few minutes are
 * deleted; a restarted instance rebuilds its index from the collections instead.
 */
const searchChangeSchema = new Schema(
	{
		kind: { type: String, enum: searchKinds, required: true },
		refs: { type: [Schema.Types.ObjectId], required: true },
		/** One record, as entries were written before they were grouped. */
		ref: { type: Schema.Types.ObjectId }
	},
	{ versionKey: false }
);

/** The index generation: raised by `npm run reindex` and bulk seeds, so every instance rebuilds. */
const searchMetaSchema = new Schema(
	{
		_id: { type: String, required: true },
		generation: { type: String, required: true }
	},
	{ versionKey: false }
);

export const SearchChange = defineModel('SearchChange', searchChangeSchema);
export const SearchMeta = defineModel('SearchMeta', searchMetaSchema);
