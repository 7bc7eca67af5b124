// Transfer workshops on the production server: the workshop page of a workshop with 100 people
// on its roster and 12 agenda items (autocannon at 10 and 50 connections, beside the same bytes
// from the bare server), a registration burst (100 members answer "yes" at the same moment for
// 40 seats), the notes of a live workshop fanned out to its roster's sockets, and a needs survey
// with 1,000 answer sets (CSV and XLSX export, results page). Prints BENCH lines; never asserts.
// Sizes: BENCH_WORKSHOP_ROSTER, BENCH_WORKSHOP_NOTE_SAVES, BENCH_WORKSHOP_ANSWERS.
import { Types } from 'mongoose';
import {
	Cohort,
	Member,
	Survey,
	SurveyResponse,
	Workshop,
	WorkshopRegistration,
	WorkshopSeat
} from '../../src/lib/server/db/models';
import { renderMarkdown } from '../../src/lib/server/markdown';
import { formatBaseline, formatBesideBare, loadBesideBare } from '../load';
import {
	benchMembers,
	cpuMs,
	median,
	percentile,
	sampleRss,
	startBenchApp,
	type BenchApp
} from '../support';
import { ThinClient, connectInBatches } from '../thin-client';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rosterSize = Number(process.env.BENCH_WORKSHOP_ROSTER ?? 100);
const noteSaves = Number(process.env.BENCH_WORKSHOP_NOTE_SAVES ?? 20);
const answerSets = Number(process.env.BENCH_WORKSHOP_ANSWERS ?? 1000);
const burstSize = 100;
const burstSeats = 40;
const methods = ['input', 'discussion', 'world-cafe', 'vote', 'break'] as const;

async function createWorkshop(
	cohortId: Types.ObjectId,
	organiserId: Types.ObjectId,
	capacity: number,
	state: 'published' | 'live' = 'published'
) {
	const startsAt = new Date(Date.now() + 30 * 86400_000);
	const source = 'Ein Workshop mit **vollem Programm** und einer langen Teilnehmendenliste.';
	return Workshop.create({
		number: 90 + capacity,
		title: `Benchmark-Workshop (${capacity} Plätze)`,
		descriptionSource: source,
		descriptionHtml: renderMarkdown(source),
		startsAt,
		endsAt: new Date(startsAt.getTime() + 6 * 3600_000),
		format: 'hybrid',
		onlineUrl: 'https://video.bench.example/ws',
		address: 'Potsdam',
		audienceCohortIds: [cohortId],
		capacity,
		supervisorSeats: 0,
		registrationDeadline: null,
		state,
		publishedAt: new Date(),
		organiserIds: [organiserId],
		createdBy: organiserId,
		agenda: Array.from({ length: 12 }, (_, i) => ({
			kind: i % 4 === 0 ? 'section' : 'item',
			title: `Programmpunkt ${i + 1}`,
			durationMinutes: 25,
			speaker: i % 3 === 0 ? 'Organisation' : '',
			description: '',
			method: methods[i % methods.length]
		}))
	});
}

/** The members on the workshop's roster, confirmed; the first one as its organiser. */
const enrol = (workshopId: Types.ObjectId, roster: { memberId: string }[]) =>
	WorkshopRegistration.insertMany(
		roster.map((m, i) => ({
			workshopId,
			memberId: new Types.ObjectId(m.memberId),
			role: i === 0 ? 'organiser' : 'participant',
			answer: 'yes',
			status: 'confirmed'
		}))
	);

const pageLoad = (cookie: string, connections: number) => ({
	connections,
	seconds,
	warmUpSeconds: 2,
	cookie
});

export async function run() {
	const app = await startBenchApp();
	try {
		const cohort = await Cohort.findOne().lean();
		const members = await benchMembers(rosterSize + burstSize, cohort!._id.toString());
		const organiserId = new Types.ObjectId(members[0]!.memberId);

		// The page: 100 confirmed people on the roster, each holding a seat.
		const page = await createWorkshop(cohort!._id, organiserId, 120);
		const roster = members.slice(0, rosterSize);
		await enrol(page._id, roster);
		await WorkshopSeat.insertMany(
			roster.map((m, i) => ({
				workshopId: page._id,
				seat: i + 1,
				memberId: new Types.ObjectId(m.memberId)
			}))
		);
		const viewer = roster[1]!.cookie;
		// One request alone first (also the warm-up): its time says more than a load run whose
		// every request outlives autocannon's timeout.
		const first = await download(
			`${app.url}/workshops/${page._id}`,
			app.pid,
			viewer,
			app.databasePid
		);
		const singleMs = first.ms;
		console.log(
			`BENCH workshop-single page=roster${rosterSize}-agenda12 ms=${singleMs.toFixed(0)} appCpuMs=${first.appCpu.toFixed(0)} dbCpuMs=${first.dbCpu.toFixed(0)} status=${first.status}`
		);
		for (const connections of [10, 50]) {
			const r = await loadBesideBare(app, `/workshops/${page._id}`, pageLoad(viewer, connections));
			const backlog = await settle(app, `/workshops/${page._id}`, viewer, singleMs);
			console.log(
				`BENCH workshop page=roster${rosterSize}-agenda12 c=${connections} ${formatBesideBare(r)} backlogS=${backlog}`
			);
		}

		// The burst: 100 other members answer "yes" at once for 40 seats.
		const burst = await createWorkshop(cohort!._id, organiserId, burstSeats);
		const registrants = members.slice(rosterSize);
		const latencies: number[] = [];
		const started = performance.now();
		const statuses = await Promise.all(
			registrants.map(async (m) => {
				const t = performance.now();
				const res = await fetch(`${app.url}/workshops/${burst._id}?/rsvp`, {
					method: 'POST',
					headers: {
						cookie: m.cookie,
						origin: app.url,
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: 'answer=yes',
					redirect: 'manual'
				});
				await res.text();
				latencies.push(performance.now() - t);
				return res.status;
			})
		);
		const elapsed = performance.now() - started;
		const seats = await WorkshopSeat.countDocuments({ workshopId: burst._id });
		const confirmed = await WorkshopRegistration.countDocuments({
			workshopId: burst._id,
			status: 'confirmed'
		});
		const waitlisted = await WorkshopRegistration.countDocuments({
			workshopId: burst._id,
			status: 'waitlisted'
		});
		const failed = statuses.filter((s) => s >= 400).length;
		console.log(
			`BENCH workshop registration-burst requests=${burstSize} seats=${burstSeats} time=${(elapsed / 1000).toFixed(2)}s p50=${percentile(latencies, 50).toFixed(0)} p99=${percentile(latencies, 99).toFixed(0)} confirmed=${confirmed} waitlisted=${waitlisted} seatsTaken=${seats} overbooked=${Math.max(0, seats - burstSeats, confirmed - burstSeats)} failed=${failed}`
		);

		// Rights are read on every request: the first bench member becomes an organiser now.
		await Member.updateOne({ _id: organiserId }, { $set: { roles: ['organiser'] } });
		const live = await createWorkshop(cohort!._id, organiserId, 121, 'live');
		await enrol(live._id, roster);
		await notesFanOut(app, live, roster);

		await surveyScenario(app, page._id, members[0]!, roster.slice(1));
	} finally {
		await app.stop();
	}
}

/**
 * One download, timed, with the peak RSS of the serving process sampled every 10 ms and the CPU
 * time the server and its database spent (the figure a loaded machine does not inflate).
 */
async function download(url: string, pid: number, cookie?: string, databasePid?: number) {
	const cpuBefore = [cpuMs(pid), databasePid ? cpuMs(databasePid) : 0];
	let peak = await sampleRss(pid);
	const sampler = setInterval(() => {
		void sampleRss(pid).then((rss) => (peak = Math.max(peak, rss)));
	}, 10);
	const started = performance.now();
	const res = await fetch(url, { headers: cookie ? { cookie } : {} });
	const body = await res.arrayBuffer();
	const ms = performance.now() - started;
	clearInterval(sampler);
	const appCpu = cpuMs(pid) - cpuBefore[0]!;
	const dbCpu = databasePid ? cpuMs(databasePid) - cpuBefore[1]! : 0;
	const type = res.headers.get('content-type') ?? '';
	return { status: res.status, type, body, ms, peak, appCpu, dbCpu };
}

/**
 * Requests autocannon gave up on are still rendered by the server. Before the next figure, one
 * request has to come back within twice the time it took alone, or 2 s (at most 3 minutes of
 * waiting); answers the seconds waited,
 * so a page slower than the load's duration shows as backlog instead of blurring what follows.
 */
async function settle(
	app: BenchApp,
	pagePath: string,
	cookie: string,
	aloneMs: number
): Promise<string> {
	const started = performance.now();
	while (performance.now() - started < 180_000) {
		const { ms } = await download(app.url + pagePath, app.pid, cookie);
		if (ms < Math.max(2000, 2 * aloneMs)) break;
	}
	return ((performance.now() - started) / 1000).toFixed(0);
}
const maxPeak = (runs: { peak: number }[]) => Math.max(...runs.map((r) => r.peak));

/**
 * The needs survey of the page's workshop with 1,000 answer sets: each export downloaded three
 * times (median time, peak RSS of the server) beside the same bytes from the bare server, and
 * the results page under load.
 */
async function surveyScenario(
	app: BenchApp,
	workshopId: Types.ObjectId,
	organiser: { memberId: string; cookie: string },
	respondents: { memberId: string }[]
) {
	const organiserId = new Types.ObjectId(organiser.memberId);
	const survey = await Survey.create({
		workshopId,
		state: 'open',
		createdBy: organiserId,
		questions: [
			{
				kind: 'single',
				prompt: 'Thema',
				choices: [{ label: 'A' }, { label: 'B' }, { label: 'C' }]
			},
			{ kind: 'multiple', prompt: 'Formate', choices: [{ label: 'X' }, { label: 'Y' }] },
			{ kind: 'scale', prompt: 'Dringlichkeit' },
			{ kind: 'number', prompt: 'Stellen', min: 0, max: 100 },
			{ kind: 'long', prompt: 'Was fehlt?' }
		]
	});
	const [single, multiple, scale, number, long] = survey.questions;
	const rows = Array.from({ length: answerSets }, (_, i) => ({
		surveyId: survey._id,
		respondentKey: `member:${respondents[i % respondents.length]!.memberId}:${i}`,
		memberIds: [new Types.ObjectId(respondents[i % respondents.length]!.memberId)],
		answers: [
			{ questionId: single!._id, choiceIds: [single!.choices[i % 3]!._id] },
			{
				questionId: multiple!._id,
				choiceIds: multiple!.choices.map((c: { _id: Types.ObjectId }) => c._id)
			},
			{ questionId: scale!._id, number: (i % 5) + 1 },
			{ questionId: number!._id, number: i % 100 },
			{ questionId: long!._id, text: `Antwort ${i}: Fördermittel, Personal und Breitband 🚲` }
		]
	}));
	for (let i = 0; i < rows.length; i += 500)
		await SurveyResponse.insertMany(rows.slice(i, i + 500));
	for (const format of ['csv', 'xlsx']) {
		const path = `/workshops/${workshopId}/survey/export.${format}`;
		const runs = [];
		for (let i = 0; i < 3; i++)
			runs.push(await download(app.url + path, app.pid, organiser.cookie, app.databasePid));
		await app.bare.servePage(path, runs[0]!.body, runs[0]!.type);
		const bare = [];
		for (let i = 0; i < 3; i++) bare.push(await download(app.bare.url + path, app.bare.pid));
		const [ms, bareMs] = [median(runs.map((r) => r.ms)), median(bare.map((r) => r.ms))];
		const [peak, barePeak] = [maxPeak(runs), maxPeak(bare)];
		console.log(
			`BENCH workshop survey-export format=${format} answers=${answerSets} status=${runs[0]!.status} bytes=${runs[0]!.body.byteLength} ms=${ms.toFixed(0)} appCpuMs=${median(runs.map((r) => r.appCpu)).toFixed(0)} dbCpuMs=${median(runs.map((r) => r.dbCpu)).toFixed(0)} peakRssMB=${peak.toFixed(0)} startRssMB=${app.baselineRssMB.toFixed(0)} ${formatBaseline('ms', ms, bareMs)} ${formatBaseline('peakRssMB', peak, barePeak)}`
		);
	}
	const results = `/workshops/${workshopId}/survey/results`;
	const alone = await download(app.url + results, app.pid, organiser.cookie, app.databasePid);
	console.log(
		`BENCH workshop survey-results-single answers=${answerSets} ms=${alone.ms.toFixed(0)} appCpuMs=${alone.appCpu.toFixed(0)} dbCpuMs=${alone.dbCpu.toFixed(0)} status=${alone.status} bytes=${alone.body.byteLength}`
	);
	const r = await loadBesideBare(app, results, pageLoad(organiser.cookie, 10));
	const backlog = await settle(app, results, organiser.cookie, alone.ms);
	console.log(
		`BENCH workshop survey-results answers=${answerSets} c=10 ${formatBesideBare(r)} backlogS=${backlog}`
	);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A roster member's socket: the receipt time of every note:updated, by note version. */
class NoteReader extends ThinClient {
	constructor(
		url: string,
		cookie: string,
		private readonly onNote: (version: number, at: number) => void
	) {
		super(url, cookie);
	}

	protected override onEvent(frame: string, at: number) {
		if (frame.startsWith('42["note:updated"'))
			this.onNote(Number(/"version":(\d+)/.exec(frame)![1]), at);
	}
}

/** The app, or the bare server beside it: how a reader joins the room and how a note is saved. */
interface NotesTarget {
	url: string;
	cookies: string[];
	join(reader: NoteReader): Promise<string>;
	/** Saves the note's given version; true when the save was stored. */
	save(version: number): Promise<boolean>;
}

/** Saves one after another; each save's fan-out completes (or 5 s pass) before the next. */
async function measureNotes(target: NotesTarget) {
	const sentAt = new Map<number, number>();
	const received = new Map<number, number>();
	const latencies: number[] = [];
	const readers = await connectInBatches(
		target.cookies,
		(cookie) =>
			new NoteReader(target.url, cookie, (version, at) => {
				const t0 = sentAt.get(version);
				if (t0 === undefined) return; // the warm-up save
				latencies.push(at - t0);
				received.set(version, (received.get(version) ?? 0) + 1);
			})
	);
	const joins = await Promise.all(readers.map((r) => target.join(r)));
	const joined = joins.filter((answer) => answer.includes('"ok":true')).length;
	await target.save(1);
	await sleep(500);
	let failed = 0;
	for (let version = 2; version <= noteSaves + 1; version++) {
		sentAt.set(version, performance.now());
		if (!(await target.save(version))) failed++;
		const deadline = Date.now() + 5000;
		while ((received.get(version) ?? 0) < joined && Date.now() < deadline) await sleep(2);
	}
	for (const r of readers) r.close();
	await sleep(500);
	return { joined, latencies, failed, lost: noteSaves * joined - latencies.length };
}

const noteSource = (version: number) =>
	`## Stand ${version}\n\n- Fördermittel beantragen\n- **Breitband**: Ausbau im Landkreis prüfen`;

/**
 * Notes fan-out: the roster's members hold authenticated sockets in the live room of a live
 * workshop; the organiser saves one agenda item's notes again and again through the form action
 * (validation, rights, version check, storage, Markdown, broadcast). Latency from the start of
 * each save to its receipt at every socket, beside the bare server (an HTTP post that only
 * broadcasts the same note to a Socket.IO room, no sessions, no storage).
 */
async function notesFanOut(
	app: BenchApp,
	workshop: { _id: Types.ObjectId; agenda: { _id: Types.ObjectId; kind: string }[] },
	roster: { memberId: string; cookie: string }[]
) {
	const workshopId = workshop._id.toString();
	const itemId = workshop.agenda.find((i) => i.kind === 'item')!._id.toString();
	const room = `workshop:${workshopId}`;
	const bare = await measureNotes({
		url: app.bare.url,
		cookies: roster.map(() => 'session=none'),
		join: (reader) => reader.emit('channel:join', { channelId: room }),
		async save(version) {
			const source = noteSource(version);
			const note = { workshopId, itemId, version, source, html: renderMarkdown(source) };
			const res = await fetch(`${app.bare.url}/note/${encodeURIComponent(room)}`, {
				method: 'POST',
				body: JSON.stringify({ ...note, editedBy: 'Bench 0', editedAt: new Date() })
			});
			await res.arrayBuffer();
			return res.ok;
		}
	});
	const full = await measureNotes({
		url: app.url,
		cookies: roster.map((m) => m.cookie),
		join: (reader) => reader.emit('workshop:join', { workshopId }),
		async save(version) {
			// As the enhanced form posts it: the action answers JSON instead of the page.
			const res = await fetch(`${app.url}/workshops/${workshopId}?/saveNote`, {
				method: 'POST',
				headers: {
					cookie: roster[0]!.cookie,
					origin: app.url,
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({
					itemId,
					baseVersion: String(version - 1),
					source: noteSource(version)
				}).toString()
			});
			return res.ok && (await res.text()).includes('"type":"success"');
		}
	});
	const p50 = percentile(full.latencies, 50);
	const p99 = percentile(full.latencies, 99);
	console.log(
		`BENCH workshop notes-fanout roster=${roster.length} joined=${full.joined} saves=${noteSaves} deliv=${full.latencies.length} p50=${p50.toFixed(1)} p99=${p99.toFixed(1)} max=${percentile(full.latencies, 100).toFixed(1)} lost=${full.lost} failed=${full.failed} ${formatBaseline('p50', p50, percentile(bare.latencies, 50))} ${formatBaseline('p99', p99, percentile(bare.latencies, 99))}`
	);
}
