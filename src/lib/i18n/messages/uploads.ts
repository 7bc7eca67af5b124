/** Files: the upload service's refusals, workshop materials and pictures in forum posts. */
const de = {
	errors: {
		missing: 'Bitte wählen Sie eine Datei aus.',
		empty: 'Die Datei ist leer.',
		materialTooLarge: 'Die Datei ist zu groß: höchstens 25 MB.',
		imageTooLarge: 'Das Bild ist zu groß: höchstens 5 MB.',
		materialType:
			'Diese Art von Datei wird nicht angenommen. Erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument (Text, Tabelle, Präsentation) und Bilder (PNG, JPEG, WebP, GIF).',
		imageType: 'Erlaubt sind Bilder im Format PNG, JPEG, WebP oder GIF.',
		markup:
			'Die Datei enthält HTML-, Skript- oder SVG-Inhalte und wird aus Sicherheitsgründen nicht angenommen.',
		incomplete: 'Die Übertragung wurde unterbrochen. Bitte versuchen Sie es noch einmal.',
		requestTooLarge: 'Die gesendeten Daten sind zu groß.'
	},
	types: {
		pdf: 'PDF',
		docx: 'Word',
		xlsx: 'Excel',
		pptx: 'PowerPoint',
		odt: 'OpenDocument-Text',
		ods: 'OpenDocument-Tabelle',
		odp: 'OpenDocument-Präsentation',
		png: 'Bild (PNG)',
		jpg: 'Bild (JPEG)',
		webp: 'Bild (WebP)',
		gif: 'Bild (GIF)',
		link: 'Link'
	},
	materials: {
		title: 'Materialien',
		empty: 'Noch keine Materialien.',
		name: 'Name',
		size: 'Größe',
		type: 'Art',
		addedBy: 'Von',
		addedAt: 'Datum',
		actions: 'Aktionen',
		remove: 'Entfernen',
		removeLabel: (name: string) => `${name} entfernen`,
		uploadHeading: 'Datei hochladen',
		file: 'Datei',
		fileHint:
			'PDF, Word, Excel, PowerPoint, OpenDocument oder Bild (PNG, JPEG, WebP, GIF), höchstens 25 MB.',
		fileTitle: 'Titel (optional)',
		upload: 'Hochladen',
		linkHeading: 'Link hinzufügen',
		linkTitle: 'Titel',
		linkUrl: 'Adresse (https://…)',
		addLink: 'Link hinzufügen',
		settingsHeading: 'Wer darf Materialien hinzufügen?',
		participantUploads: 'Auch Teilnehmende dürfen Dateien und Links hinzufügen',
		saveSettings: 'Einstellung speichern',
		added: 'Das Material wurde hinzugefügt.',
		removed: 'Das Material wurde entfernt.',
		settingsSaved: 'Die Einstellung wurde gespeichert.',
		back: 'Zurück zum Workshop',
		pageTitle: (workshop: string) => `Materialien: ${workshop}`
	},
	forumImage: {
		button: 'Bild einfügen',
		hint: 'PNG, JPEG, WebP oder GIF, höchstens 5 MB. Das Bild sehen alle, die das Forum lesen.',
		uploading: 'Bild wird hochgeladen …',
		inserted: 'Das Bild wurde in den Beitrag eingefügt.',
		failed: 'Das Bild konnte nicht hochgeladen werden.'
	}
};

const en: typeof de = {
	errors: {
		missing: 'Please choose a file.',
		empty: 'The file is empty.',
		materialTooLarge: 'The file is too large: 25 MB at most.',
		imageTooLarge: 'The picture is too large: 5 MB at most.',
		materialType:
			'This kind of file is not accepted. Allowed are PDF, Word, Excel, PowerPoint, OpenDocument (text, spreadsheet, presentation) and pictures (PNG, JPEG, WebP, GIF).',
		imageType: 'Allowed are pictures in PNG, JPEG, WebP or GIF format.',
		markup: 'The file contains HTML, script or SVG content and is refused for security reasons.',
		incomplete: 'The transfer was interrupted. Please try again.',
		requestTooLarge: 'The data sent is too large.'
	},
	types: {
		pdf: 'PDF',
		docx: 'Word',
		xlsx: 'Excel',
		pptx: 'PowerPoint',
		odt: 'OpenDocument text',
		ods: 'OpenDocument spreadsheet',
		odp: 'OpenDocument presentation',
		png: 'Picture (PNG)',
		jpg: 'Picture (JPEG)',
		webp: 'Picture (WebP)',
		gif: 'Picture (GIF)',
		link: 'Link'
	},
	materials: {
		title: 'Materials',
		empty: 'No materials yet.',
		name: 'Name',
		size: 'Size',
		type: 'Kind',
		addedBy: 'By',
		addedAt: 'Date',
		actions: 'Actions',
		remove: 'Remove',
		removeLabel: (name: string) => `Remove ${name}`,
		uploadHeading: 'Upload a file',
		file: 'File',
		fileHint:
			'PDF, Word, Excel, PowerPoint, OpenDocument or picture (PNG, JPEG, WebP, GIF), 25 MB at most.',
		fileTitle: 'Title (optional)',
		upload: 'Upload',
		linkHeading: 'Add a link',
		linkTitle: 'Title',
		linkUrl: 'Address (https://…)',
		addLink: 'Add link',
		settingsHeading: 'Who may add materials?',
		participantUploads: 'Participants may add files and links too',
		saveSettings: 'Save setting',
		added: 'The material was added.',
		removed: 'The material was removed.',
		settingsSaved: 'The setting was saved.',
		back: 'Back to the workshop',
		pageTitle: (workshop: string) => `Materials: ${workshop}`
	},
	forumImage: {
		button: 'Insert picture',
		hint: 'PNG, JPEG, WebP or GIF, 5 MB at most. Everyone who reads the forum can see it.',
		uploading: 'Uploading picture …',
		inserted: 'The picture was inserted into the post.',
		failed: 'The picture could not be uploaded.'
	}
};

export default { de, en };
