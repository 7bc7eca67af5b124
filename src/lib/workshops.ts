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
}

export const rsvpAnswers = ['yes', 'maybe', 'no'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];
