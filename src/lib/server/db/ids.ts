import { Types } from 'mongoose';
import { objectId } from '$lib/schemas/fields';

/** An id as routes, forms and sockets carry it; the rule is the shared schema's. */
export const isObjectId = (id: unknown): id is string => objectId.safeParse(id).success;

/** Only for ids checked with isObjectId (or read from the database). */
export const oid = (id: string) => new Types.ObjectId(id);
