import { trusted } from 'mongoose';
import { errorFields, log } from '../log';
import { PasswordReset, RsvpLink, Session, SignInLink } from './models';

/**
 * Removes expired sessions and emailed links. A TTL index would do this on
 * MongoDB, but the embedded server (FerretDB) has none, so the app sweeps by the indexed
 * expiresAt field itself. Every read checks expiry too, so a late sweep is harmless.
 */
export async function sweepExpired(now = new Date()): Promise<number> {
	let removed = 0;
	for (const model of [Session, PasswordReset, SignInLink, RsvpLink] as const) {
		const result = await (model as typeof Session).deleteMany({
			expiresAt: trusted({ $lte: now })
		});
		removed += result.deletedCount;
	}
	return removed;
}

let timer: NodeJS.Timeout | undefined;

export function startExpirySweeper(everyMs = 60 * 60 * 1000): void {
	if (timer) return;
	timer = setInterval(() => {
		sweepExpired().catch((err) => log.warn('Sweeping expired records failed', errorFields(err)));
	}, everyMs);
	timer.unref();
}
