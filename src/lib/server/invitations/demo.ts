import { Types } from 'mongoose';
import { generateToken, hashToken } from '../auth/tokens';
import { Invitation } from '../db/models';

const day = 24 * 60 * 60 * 1000;

/**
 * Demo invitations for the admin list: one open, one expired, one withdrawn. No mail is sent;
 * "resend" gives a working link. Idempotent: matched by email.
 */
export async function seedDemoInvitations(ctx: {
	memberIds: Map<string, string>;
	cohortIds: Map<string, string>;
}): Promise<void> {
	const inviter = ctx.memberIds.get('organisation@netzwerk.example');
	if (!inviter) return;
	const now = Date.now();
	const demo = [
		{
			email: 'clara.ostermann@kommune.example',
			displayName: 'Clara Ostermann',
			cohort: 'bund1',
			expiresAt: now + 10 * day,
			revokedAt: null
		},
		{
			email: 'bernd.kaiser@kommune.example',
			displayName: 'Bernd Kaiser',
			cohort: 'bb3',
			expiresAt: now - 3 * day,
			revokedAt: null
		},
		{
			email: 'falsche.adresse@kommune.example',
			displayName: '',
			cohort: 'bund1',
			expiresAt: now + 5 * day,
			revokedAt: new Date(now - day)
		}
	];
	for (const d of demo) {
		const cohortId = ctx.cohortIds.get(d.cohort);
		await Invitation.updateOne(
			{ email: d.email },
			{
				$setOnInsert: {
					tokenHash: hashToken(generateToken()),
					email: d.email,
					displayName: d.displayName,
					roles: ['alumni'],
					cohortId: cohortId ? new Types.ObjectId(cohortId) : null,
					invitedBy: new Types.ObjectId(inviter),
					expiresAt: new Date(d.expiresAt),
					revokedAt: d.revokedAt
				}
			},
			{ upsert: true }
		);
	}
}
