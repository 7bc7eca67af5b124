import type { Locale } from '$lib/i18n/locales';
import type { SessionInfo, SessionMember } from '$lib/server/auth/sessions';
import type { FailureCode } from '$lib/server/result';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: FailureCode | 'unauthorized' | 'unexpected';
		}
		interface Locals {
			member: SessionMember | null;
			session: SessionInfo | null;
			locale: Locale;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
