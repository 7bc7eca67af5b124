import type { Locale } from '$lib/i18n/locales';
import type { SessionInfo, SessionMember } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: 'unavailable' | 'forbidden' | 'not_found' | 'unauthorized' | 'unexpected';
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
