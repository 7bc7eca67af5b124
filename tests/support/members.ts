import mongoose from 'mongoose';
import { postForm } from './app';

/** A member's id by email, read straight from the app's database. */
export async function memberIdOf(uri: string, email: string): Promise<string> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const doc = await conn.db!.collection('members').findOne({ email });
		if (!doc) throw new Error(`no member ${email}`);
		return String(doc._id);
	} finally {
		await conn.close();
	}
}

/** The admin's member form, as the admin page sends it; resolves to the response status. */
async function adminAction(
	app: { url: string },
	adminCookie: string,
	memberId: string,
	action: 'cohorts' | 'roles' | 'deactivate',
	fields: Record<string, string[]> = {}
): Promise<number> {
	const res = await postForm(app, `/admin/members/${memberId}?/${action}`, fields, {
		cookie: adminCookie
	});
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`admin ${action} answered ${res.status}`);
	return res.status;
}

export const setCohorts = (
	app: { url: string },
	adminCookie: string,
	memberId: string,
	cohortIds: string[]
) => adminAction(app, adminCookie, memberId, 'cohorts', { cohortIds });

export const setRoles = (
	app: { url: string },
	adminCookie: string,
	memberId: string,
	roles: string[]
) => adminAction(app, adminCookie, memberId, 'roles', { roles });

export const deactivate = (app: { url: string }, adminCookie: string, memberId: string) =>
	adminAction(app, adminCookie, memberId, 'deactivate');
