/** The values a workshop's fields take, shared by the model, the forms' schemas and the pages. */
export const workshopFormats = ['online', 'onsite', 'hybrid'] as const;
export type WorkshopFormat = (typeof workshopFormats)[number];

export const agendaKinds = ['section', 'item'] as const;
export const agendaMethods = ['input', 'discussion', 'world-cafe', 'vote', 'break'] as const;
export type AgendaMethod = (typeof agendaMethods)[number];

/** One agenda entry as the organisers write it; a section heading has no duration of its own. */
export interface AgendaItemFields {
	kind: (typeof agendaKinds)[number];
	title: string;
	durationMinutes: number;
	speaker: string;
	description: string;
	method: AgendaMethod;
	/** Chatham House for this item; `nameMunicipality` lets its notes name municipalities. */
	confidential?: boolean;
	nameMunicipality?: boolean;
}

export const rsvpAnswers = ['yes', 'maybe', 'no'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** The question types of a workshop's needs survey. */
export const surveyQuestionKinds = [
	'single',
	'multiple',
	'scale',
	'yesno',
	'number',
	'short',
	'long',
	'municipality'
] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];

/** A need card's state in the register: neu, in Arbeit, erledigt, verworfen. */
export const needStatuses = ['new', 'in-progress', 'done', 'discarded'] as const;
export type NeedStatus = (typeof needStatuses)[number];
/** Where a need card came from; each source links back to it. */
export const needSourceKinds = ['manual', 'survey', 'note'] as const;
export type NeedSourceKind = (typeof needSourceKinds)[number];
/** The municipality field's value for a need several municipalities share. */
export const severalMunicipalities = 'mehrere';
