import mongoose, { type Model, type Schema } from 'mongoose';

/** Registers a model once per process: Vite's dev server re-evaluates modules on change. */
export function defineModel<T>(name: string, schema: Schema<T>): Model<T> {
	return (mongoose.models[name] as Model<T> | undefined) ?? mongoose.model<T>(name, schema);
}
