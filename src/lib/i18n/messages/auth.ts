const de = {
	login: {
		title: 'Anmelden',
		email: 'E-Mail-Adresse',
		password: 'Passwort',
		submit: 'Anmelden',
		invalid: 'E-Mail-Adresse oder Passwort ist falsch.',
		locked: (minutes: number) =>
			`Zu viele Fehlversuche. Die Anmeldung ist für ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} gesperrt.`,
		forgot: 'Passwort vergessen?',
		closedNetwork: 'Zugang nur mit Einladung. Wenden Sie sich an die Organisation Ihres Durchgangs.'
	}
};

export type AuthMessages = typeof de;

const en: AuthMessages = {
	login: {
		title: 'Sign in',
		email: 'Email address',
		password: 'Password',
		submit: 'Sign in',
		invalid: 'Email address or password is wrong.',
		locked: (minutes: number) =>
			`Too many failed attempts. Sign-in is locked for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
		forgot: 'Forgot your password?',
		closedNetwork: 'Access by invitation only. Please contact the organisers of your cohort.'
	}
};

export default { de, en };
