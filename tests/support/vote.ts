/**
 * What would give a dot vote's totals away in a page, its data or a socket message: while the
 * vote is open none of these may reach any browser.
 */
export const voteTotalMarkers = [
	'"total"',
	'"alumni"',
	'"supervisors"',
	'"rank"',
	'"tied"',
	'data-ranking'
];
