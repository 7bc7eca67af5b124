import { trusted, Types } from 'mongoose';
import { seedChat } from '../chat/seed';
import { ensureCohortChannel } from '../cohorts';
import { seedDemoInvitations } from '../invitations/demo';
import { config } from '../config';
import { Cohort, Member, Municipality } from '../db/models';
import { documentCount } from '../db/counts';
import { seedForum } from '../forum/seed';
import { seedLegalPages } from '../legal/demo';
import { seedWorkshops } from '../workshops';
import { log } from '../log';
import { createMember } from '../members';
import { slugify } from '../text';
import {
	cohorts,
	demoPassword,
	federalMunicipalities,
	members,
	municipalities
} from './demo-network';

/** Further demo content (forum, chat, workshops) plugs in here; each step must be idempotent. */
type SeedStep = (ctx: SeedContext) => Promise<void>;
export interface SeedContext {
	memberIds: Map<string, string>;
	cohortIds: Map<string, string>;
}
const steps: SeedStep[] = [seedDemoInvitations, seedChat, seedForum, seedWorkshops, seedLegalPages];

/**
 * Loads the demo network. Idempotent: everything is matched by its natural key, so running it
 * twice changes nothing. Returns the demo logins.
 */
export async function seedDemoNetwork(): Promise<{ email: string; roles: string[] }[]> {
	const municipalityIds = new Map<string, Types.ObjectId>();
	for (const m of [...municipalities, ...federalMunicipalities]) {
		const doc = await Municipality.findOneAndUpdate(
			{ state: m.state, name: m.name },
			{ $setOnInsert: m },
			{ upsert: true, returnDocument: 'after' }
		).lean();
		municipalityIds.set(m.name, doc!._id);
	}

	const cohortIds = new Map<string, string>();
	for (const c of cohorts) {
		const slug = slugify(c.name);
		const doc = await Cohort.findOneAndUpdate(
			{ slug },
			{
				$setOnInsert: {
					name: c.name,
					slug,
					programme: c.programme,
					startsOn: new Date(c.startsOn),
					endsOn: new Date(c.endsOn)
				}
			},
			{ upsert: true, returnDocument: 'after' }
		).lean();
		await ensureCohortChannel(doc!._id, c.name, slug);
		cohortIds.set(c.key, doc!._id.toString());
	}

	const memberIds = new Map<string, string>();
	for (const m of members) {
		const existing = await Member.findOne({ email: m.email }, { _id: 1 }).lean();
		const id =
			existing?._id.toString() ??
			(await createMember({
				email: m.email,
				displayName: m.name,
				password: demoPassword,
				roles: m.roles,
				municipalityId: m.municipality ? municipalityIds.get(m.municipality)!.toString() : null,
				cohortIds: (m.cohorts ?? []).map((key) => cohortIds.get(key)!),
				jobTitle: m.jobTitle,
				topics: m.topics,
				bio: m.bio
			}));
		memberIds.set(m.email, id);
	}

	for (const step of steps) await step({ memberIds, cohortIds });
	return members.map((m) => ({ email: m.email, roles: m.roles }));
}

/**
 * On a first start on the embedded database (no MONGODB_URI, no members yet) the demo network
 * is loaded; on every start where it is present, its logins are printed, so whoever runs
 * `npm start` sees how to sign in. SEED_DEMO=always seeds any database, never turns it off.
 */
export async function ensureDemoData(mode: 'auto' | 'always' | 'never'): Promise<void> {
	if (mode === 'never') return;
	if (mode === 'auto' && config().MONGODB_URI) return;
	if (mode === 'auto' && (await documentCount(Member)) > 0) {
		const demoEmails = members.map((m) => m.email);
		const present = new Set(
			(await Member.find({ email: trusted({ $in: demoEmails }) }, { email: 1 }).lean()).map(
				(m) => m.email
			)
		);
		if (present.size > 0) printDemoLogins(members.filter((m) => present.has(m.email)));
		return;
	}
	const logins = await seedDemoNetwork();
	log.info('Demo network loaded', { members: logins.length });
	printDemoLogins(logins);
}

export function printDemoLogins(logins: { email: string; roles: string[] }[]) {
	const pick = (test: (roles: string[]) => boolean) => logins.find((l) => test(l.roles))?.email;
	const rows: [string, string | undefined][] = [
		['Admin', pick((r) => r.includes('admin'))],
		['Organisation', pick((r) => r.includes('organiser'))],
		['Moderation', pick((r) => r.includes('moderator'))],
		['Alumna', pick((r) => r.includes('alumni') && !r.includes('moderator'))],
		['Fachvorgesetzte', pick((r) => r.includes('supervisor'))]
	];
	const lines = [
		'',
		`Demo-Zugänge (Passwort für alle, sofern nicht geändert: ${demoPassword}):`,
		...rows
			.filter(([, email]) => email)
			.map(([role, email]) => `  ${(role + ':').padEnd(17)} ${email}`),
		''
	];
	process.stdout.write(lines.join('\n') + '\n');
}
