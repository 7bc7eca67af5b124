import { Schema } from 'mongoose';
import { defineModel } from './model';

export const searchKinds = ['post', 'thread', 'message'] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * A recent write the search index must pick up: every instance reads the last seconds of this
 * log and reloads the named record from its collection. Entries older than a few minutes are
 * deleted; a restarted instance rebuilds its index from the collections instead.
 */
const searchChangeSchema = new Schema(
	{
		kind: { type: String, enum: searchKinds, required: true },
		ref: { type: Schema.Types.ObjectId, required: true }
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
