const de = {
	login: {
		title: 'Anmelden',
		email: 'E-Mail-Adresse',
		password: 'Passwort',
		submit: 'Anmelden',
		invalid: 'E-Mail-Adresse oder Passwort ist falsch.',
		locked: (minutes: number) =>
			`Zu viele Fehlversuche. Die Anmeldung mit Passwort ist für ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} gesperrt. Mit einem Anmeldelink per E-Mail kommen Sie trotzdem hinein.`,
		forgot: 'Passwort vergessen?',
		signInLink: 'Anmeldelink per E-Mail',
		closedNetwork: 'Zugang nur mit Einladung. Wenden Sie sich an die Organisation Ihres Durchgangs.'
	},
	invite: {
		title: 'Einladung annehmen',
		intro: (email: string) =>
			`Sie wurden in das Netzwerk eingeladen. Ihr Zugang wird für ${email} angelegt.`,
		displayName: 'Ihr Name',
		displayNameHint: 'So sehen andere Mitglieder Sie, z. B. „Anna Schulze“.',
		password: 'Passwort',
		passwordHint: 'Mindestens 10 Zeichen.',
		passwordConfirm: 'Passwort wiederholen',
		submit: 'Zugang anlegen',
		invalidTitle: 'Dieser Link ist ungültig',
		invalid:
			'Der Einladungslink ist ungültig oder unvollständig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.',
		expired: 'Diese Einladung ist abgelaufen. Bitten Sie die Organisation um eine neue Einladung.',
		accepted: 'Diese Einladung wurde bereits angenommen. Sie können sich anmelden.',
		revoked: 'Diese Einladung wurde zurückgezogen.',
		memberExists:
			'Für diese E-Mail-Adresse gibt es bereits einen Zugang. Bitte melden Sie sich an.',
		toLogin: 'Zur Anmeldung'
	},
	reset: {
		title: 'Passwort zurücksetzen',
		intro:
			'Geben Sie Ihre E-Mail-Adresse ein. Wenn es dazu einen Zugang gibt, schicken wir Ihnen einen Link, der eine Stunde gültig ist.',
		email: 'E-Mail-Adresse',
		submit: 'Link anfordern',
		sent: 'Wenn es zu dieser Adresse einen Zugang gibt, ist eine E-Mail mit einem Link unterwegs. Der Link ist eine Stunde gültig.',
		newTitle: 'Neues Passwort festlegen',
		password: 'Neues Passwort',
		passwordConfirm: 'Neues Passwort wiederholen',
		save: 'Passwort speichern',
		invalid:
			'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie bitte einen neuen an.',
		requestNew: 'Neuen Link anfordern',
		done: 'Ihr Passwort wurde geändert. Alle Sitzungen wurden beendet; bitte melden Sie sich neu an.'
	},
	signInLink: {
		title: 'Anmeldelink per E-Mail',
		intro:
			'Geben Sie Ihre E-Mail-Adresse ein. Wenn es dazu einen Zugang gibt, schicken wir Ihnen einen Link, mit dem Sie sich einmal ohne Passwort anmelden. Das geht auch, wenn die Anmeldung mit Passwort gerade gesperrt ist.',
		email: 'E-Mail-Adresse',
		submit: 'Link anfordern',
		sent: 'Wenn es zu dieser Adresse einen Zugang gibt, ist eine E-Mail mit einem Anmeldelink unterwegs. Der Link ist 15 Minuten gültig.',
		confirmTitle: 'Mit Link anmelden',
		confirmIntro: 'Dieser Link meldet Sie einmal ohne Passwort an.',
		confirm: 'Jetzt anmelden',
		invalid:
			'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie bitte einen neuen an.',
		requestNew: 'Neuen Link anfordern'
	},
	mail: {
		inviteSubject: 'Einladung in das Netzwerk der Smart-City-Manager:innen',
		inviteText: (name: string, inviter: string, link: string) =>
			`Guten Tag${name ? ' ' + name : ''},\n\n${inviter} lädt Sie in das Netzwerk der Smart-City-Manager:innen ein.\n\nÜber diesen Link legen Sie Ihren Zugang an (14 Tage gültig):\n\n${link}\n\nWenn Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.`,
		inviteButton: 'Einladung annehmen',
		resetSubject: 'Passwort zurücksetzen',
		resetText: (name: string, link: string) =>
			`Guten Tag ${name},\n\nüber diesen Link legen Sie ein neues Passwort fest (eine Stunde gültig, nur einmal nutzbar):\n\n${link}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.`,
		resetButton: 'Neues Passwort festlegen',
		signInSubject: 'Ihr Anmeldelink',
		signInText: (name: string, link: string) =>
			`Guten Tag ${name},\n\nüber diesen Link melden Sie sich ohne Passwort an (15 Minuten gültig, nur einmal nutzbar):\n\n${link}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; ohne Ihr Postfach kann niemand den Link nutzen.`,
		signInButton: 'Jetzt anmelden'
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
			`Too many failed attempts. Signing in with a password is locked for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}. A sign-in link by email still gets you in.`,
		forgot: 'Forgot your password?',
		signInLink: 'Sign-in link by email',
		closedNetwork: 'Access by invitation only. Please contact the organisers of your cohort.'
	},
	invite: {
		title: 'Accept invitation',
		intro: (email: string) =>
			`You have been invited to the network. Your account will be created for ${email}.`,
		displayName: 'Your name',
		displayNameHint: 'How other members see you, e.g. “Anna Schulze”.',
		password: 'Password',
		passwordHint: 'At least 10 characters.',
		passwordConfirm: 'Repeat password',
		submit: 'Create account',
		invalidTitle: 'This link is not valid',
		invalid:
			'The invitation link is not valid or incomplete. Please check that you copied all of it.',
		expired: 'This invitation has expired. Please ask the organisers for a new invitation.',
		accepted: 'This invitation has already been accepted. You can sign in.',
		revoked: 'This invitation has been withdrawn.',
		memberExists: 'An account with this email address exists already. Please sign in.',
		toLogin: 'Go to sign-in'
	},
	reset: {
		title: 'Reset password',
		intro:
			'Enter your email address. If it belongs to an account, we send you a link that is valid for one hour.',
		email: 'Email address',
		submit: 'Send link',
		sent: 'If this address belongs to an account, an email with a link is on its way. The link is valid for one hour.',
		newTitle: 'Set a new password',
		password: 'New password',
		passwordConfirm: 'Repeat new password',
		save: 'Save password',
		invalid: 'This link is not valid, has expired or was used already. Please request a new one.',
		requestNew: 'Request a new link',
		done: 'Your password has been changed. All sessions were ended; please sign in again.'
	},
	signInLink: {
		title: 'Sign-in link by email',
		intro:
			'Enter your email address. If it belongs to an account, we send you a link that signs you in once without a password. This works also while signing in with a password is locked.',
		email: 'Email address',
		submit: 'Send link',
		sent: 'If this address belongs to an account, an email with a sign-in link is on its way. The link is valid for 15 minutes.',
		confirmTitle: 'Sign in with a link',
		confirmIntro: 'This link signs you in once without a password.',
		confirm: 'Sign in now',
		invalid: 'This link is not valid, has expired or was used already. Please request a new one.',
		requestNew: 'Request a new link'
	},
	mail: {
		inviteSubject: 'Invitation to the Smart City managers network',
		inviteText: (name: string, inviter: string, link: string) =>
			`Hello${name ? ' ' + name : ''},\n\n${inviter} invites you to the Smart City managers network.\n\nCreate your account with this link (valid for 14 days):\n\n${link}\n\nIf you did not expect this invitation, you can ignore this email.`,
		inviteButton: 'Accept invitation',
		resetSubject: 'Reset your password',
		resetText: (name: string, link: string) =>
			`Hello ${name},\n\nset a new password with this link (valid for one hour, usable once):\n\n${link}\n\nIf you did not ask for this, ignore this email; your password stays as it is.`,
		resetButton: 'Set a new password',
		signInSubject: 'Your sign-in link',
		signInText: (name: string, link: string) =>
			`Hello ${name},\n\nsign in without a password with this link (valid for 15 minutes, usable once):\n\n${link}\n\nIf you did not ask for this, ignore this email; nobody can use the link without your mailbox.`,
		signInButton: 'Sign in now'
	}
};

export default { de, en };
