import { SignInLink } from '../db/models';
import * as limits from '../limits';
import { consumeLink, isLinkValid, mailLink } from './one-time-links';
import { findActiveMember } from './sessions';

export const signInLinkLifetimeMs = 15 * 60 * 1000;

/**
 * "Anmeldelink per E-Mail": a one-time link that signs the owner of the address in without a
 * password. No login lock blocks it (locks stop guessing passwords, and this needs the
 * mailbox), so guessing someone's password can never lock them out. The caller shows the same
 * answer whether the address is known or not; requests per address are limited.
 */
export async function requestSignInLink(
	email: string,
	address: string,
	origin: string
): Promise<void> {
	if (!(await limits.take('signInLinkAddress', address))) return;
	await mailLink({
		model: SignInLink,
		email,
		lifetimeMs: signInLinkLifetimeMs,
		url: (token) => `${origin}/login/link/${token}`,
		mail: (t, name, link) => ({
			subject: t.signInSubject,
			text: t.signInText(name, link),
			button: t.signInButton
		})
	});
}

/** True while the link can be used; the page then offers to sign in (mail scanners only look). */
export function isSignInLinkValid(token: string): Promise<boolean> {
	return isLinkValid(SignInLink, token);
}

/** Consumes the link; answers the member to sign in, or null when it cannot be used. */
export async function redeemSignInLink(token: string): Promise<string | null> {
	const memberId = await consumeLink(SignInLink, token);
	if (!memberId) return null;
	return (await findActiveMember(memberId.toString()))?.id ?? null;
}
