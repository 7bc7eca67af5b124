import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { createCohort, createMunicipality } from '../../../../tests/support/records';
import { createSession, validateSessionToken } from '../auth/sessions';
import { Member, Session } from '../db/models';
import { valueOf } from '../../../../tests/support/result';
import * as members from './index';

const viewer = { id: '0123456789abcdef01234567', roles: ['alumni' as const], cohortIds: [] };
const directory = async (filter: members.DirectoryFilter) =>
	valueOf(await members.listDirectory(viewer, filter));

useTestDatabase('members');

let cohortA: string;
let cohortB: string;
let potsdam: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
	cohortA = await createCohort('Durchgang A', 'a', {
		startsOn: new Date('2022-01-01'),
		endsOn: new Date('2022-06-01')
	});
	cohortB = await createCohort('Durchgang B', 'b', {
		programme: 'federal',
		startsOn: new Date('2024-01-01'),
		endsOn: new Date('2024-06-01')
	});
	potsdam = await createMunicipality('Potsdam');
	const people: [string, string[], string[], string | null][] = [
		['Anna Schulze', ['alumni'], [cohortA], potsdam],
		['Jonas Becker', ['alumni'], [cohortA], null],
		['Özlem Yıldız', ['alumni'], [cohortB], potsdam],
		['Bernd Schulte', ['alumni', 'moderator'], [cohortB], null],
		['Petra Lange', ['supervisor'], [], null],
		['Carla Zorn', ['organiser'], [], null]
	];
	for (const [name, roles, cohortIds, municipalityId] of people) {
		ids[name] = await members.createMember({
			email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
			displayName: name,
			password: 'Passwort-123456',
			roles: roles as never,
			cohortIds,
			municipalityId,
			topics: name.startsWith('Anna') ? ['Open Data'] : []
		});
	}
});

describe('directory', () => {
	it('is for network members only: a supervisor-only guest is refused', async () => {
		const guest = { ...viewer, roles: ['supervisor' as const] };
		expect(await members.listDirectory(guest, {})).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(await members.getProfileByHandle(guest, { handle: 'anna.schulze' })).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
	});

	it('lists network members by name with a stable cursor, without supervisor-only guests', async () => {
		const seen: string[] = [];
		let cursor: string | null = null;
		for (let i = 0; i < 10; i++) {
			const page: Awaited<ReturnType<typeof directory>> = await directory({
				cursor,
				limit: 2
			});
			seen.push(...page.items.map((m) => m.displayName));
			cursor = page.nextCursor;
			if (!cursor) break;
		}
		expect(seen).toEqual([
			'Anna Schulze',
			'Bernd Schulte',
			'Carla Zorn',
			'Jonas Becker',
			'Özlem Yıldız'
		]);
	});

	it('filters by cohort, municipality, topic and name prefix (also of the last name)', async () => {
		const names = async (f: members.DirectoryFilter) =>
			(await directory(f)).items.map((m) => m.displayName);
		expect(await names({ cohortId: cohortA })).toEqual(['Anna Schulze', 'Jonas Becker']);
		expect(await names({ municipalityId: potsdam })).toEqual(['Anna Schulze', 'Özlem Yıldız']);
		expect(await names({ topic: 'Open Data' })).toEqual(['Anna Schulze']);
		expect(await names({ q: 'schul' })).toEqual(['Anna Schulze', 'Bernd Schulte']);
		expect(await names({ q: 'öz' })).toEqual(['Özlem Yıldız']);
		expect(await names({ q: '.*' })).toEqual([]);
		const [anna] = (await directory({ q: 'anna' })).items;
		expect(anna!.municipality).toBe('Potsdam');
		expect(anna!.cohorts).toEqual([{ id: cohortA, name: 'Durchgang A' }]);
	});

	it('ignores a forged cursor', async () => {
		expect(members.decodeCursor('eyIkZ3QiOiIifQ')).toBeNull();
		expect(members.decodeCursor('x'.repeat(500))).toBeNull();
	});
});

describe('profile', () => {
	it('normalises topics: trimmed, deduplicated case-insensitively', () => {
		expect(members.normaliseTopics(' Open Data, open  data ,,Strategie ,  ')).toEqual([
			'Open Data',
			'Strategie'
		]);
	});

	it('updates the own profile and re-sorts by the new name', async () => {
		const jonas = { id: ids['Jonas Becker']!, roles: ['alumni' as const], cohortIds: [] };
		const result = await members.updateProfile(jonas, {
			displayName: 'Jonas Ackermann',
			municipalityId: potsdam,
			jobTitle: 'Digitallotse',
			bio: '<script>alert(1)</script>',
			topics: 'Mobilität, mobilität'
		});
		expect(result.ok).toBe(true);
		const { items } = await directory({ q: 'acker' });
		expect(items.map((m) => [m.displayName, m.jobTitle])).toEqual([
			['Jonas Ackermann', 'Digitallotse']
		]);
		expect((await Member.findById(jonas.id).lean())!.topics).toEqual(['Mobilität']);
		const refusedUpdate = (change: Partial<members.ProfileInput>) =>
			members.updateProfile(jonas, {
				displayName: 'X Y',
				municipalityId: null,
				jobTitle: '',
				bio: '',
				topics: '',
				...change
			});
		expect(await refusedUpdate({ municipalityId: '0123456789abcdef01234567' })).toMatchObject({
			ok: false,
			failure: { field: 'municipalityId', message: 'validation.invalidId' }
		});
		expect(
			await refusedUpdate({ topics: Array.from({ length: 11 }, (_, i) => `T${i}`).join(',') })
		).toMatchObject({ ok: false, failure: { field: 'topics' } });
		expect((await Member.findById(jonas.id).lean())!.displayName).toBe('Jonas Ackermann');
	});
});

describe('avatar', () => {
	it('re-encodes a real image to a 256x256 WebP without metadata', async () => {
		const png = await sharp({
			create: { width: 600, height: 400, channels: 3, background: '#3366cc' }
		})
			.png()
			.withMetadata({ exif: { IFD0: { Copyright: 'secret-location' } } })
			.toBuffer();
		expect(await members.setAvatar(ids['Anna Schulze']!, png)).toBe(true);
		const avatar = await members.getAvatar(ids['Anna Schulze']!);
		const meta = await sharp(avatar!.data).metadata();
		expect([meta.format, meta.width, meta.height, meta.exif]).toEqual([
			'webp',
			256,
			256,
			undefined
		]);
		expect(avatar!.data.toString('latin1')).not.toContain('secret-location');
		const member = await Member.findById(ids['Anna Schulze']).lean();
		expect(member!.hasAvatar).toBe(true);
	});

	it('refuses anything that is not an image, and oversized files', async () => {
		const html = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
		expect(await members.setAvatar(ids['Carla Zorn']!, html)).toBe(false);
		expect(await members.setAvatar(ids['Carla Zorn']!, new Uint8Array(2 * 1024 * 1024 + 1))).toBe(
			false
		);
		expect(await members.getAvatar(ids['Carla Zorn']!)).toBeNull();
	});
});

describe('account deletion', () => {
	it('anonymises the member, removes the avatar and ends every session', async () => {
		const id = ids['Anna Schulze']!;
		const { token } = await createSession(id);
		const anna = { id, roles: ['alumni' as const], cohortIds: [] };
		expect(await members.deleteAccount(anna, { password: 'falsch-123456' })).toMatchObject({
			ok: false,
			failure: { code: 'invalid', field: 'deletePassword' }
		});
		expect(await members.deleteAccount(anna, { password: 'Passwort-123456' })).toEqual({
			ok: true,
			value: null
		});
		const member = await Member.findById(id).lean();
		expect(member).toMatchObject({
			displayName: members.formerMemberName,
			passwordHash: '',
			hasAvatar: false,
			bio: '',
			topics: []
		});
		expect(member!.email).not.toContain('anna');
		expect(member!.deactivatedAt).not.toBeNull();
		expect(await members.getAvatar(id)).toBeNull();
		expect((await validateSessionToken(token)).session).toBeNull();
		expect(await Session.countDocuments({ memberId: member!._id })).toBe(0);
	});

	it('exports the own data without the password hash', async () => {
		const data = await members.exportMemberData(ids['Bernd Schulte']!);
		expect(data).toMatchObject({ profile: { displayName: 'Bernd Schulte' } });
		expect(JSON.stringify(data)).not.toContain('argon2');
	});
});
