/** The operator's legal pages, by their address; the one list routes, footer and admin use. */
export const legalPages = ['impressum', 'datenschutz', 'barrierefreiheit'] as const;
export type LegalPageKey = (typeof legalPages)[number];

export const isLegalPage = (value: string): value is LegalPageKey =>
	(legalPages as readonly string[]).includes(value);
