import { Schema } from 'mongoose';
import { defineModel } from './model';

/** A one-time change to stored data that has been applied (db/migrations.ts), by its name. */
const dataMigrationSchema = new Schema(
	{
		_id: { type: String, required: true },
		appliedAt: { type: Date, required: true }
	},
	{ versionKey: false }
);

export const DataMigration = defineModel('DataMigration', dataMigrationSchema);
