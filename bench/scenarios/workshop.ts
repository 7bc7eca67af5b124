// Transfer workshops on the production server: the workshop page of a workshop with 100 people
// on its roster and 12 agenda items (autocannon at 10 and 50 connections, beside the same bytes
// from the bare server), and a registration burst: 100 members answer "yes" at the
// same moment for 40 seats. Prints BENCH lines; never asserts.
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
import { formatBesideBare, loadBesideBare } from '../load';
import { benchMembers, percentile, sampleRss, startBenchApp, type BenchApp } from '../support';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rosterSize = 100;
const burstSize = 100;
const burstSeats = 40;
const methods = ['input', 'discussion', 'world-cafe', 'vote', 'break'] as const;

async function createWorkshop(
	cohortId: Types.ObjectId,
	organiserId: Types.ObjectId,
	capacity: number
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
		state: 'published',
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
		await WorkshopRegistration.insertMany(
			roster.map((m, i) => ({
				workshopId: page._id,
				memberId: new Types.ObjectId(m.memberId),
				role: i === 0 ? 'organiser' : 'participant',
				answer: 'yes',
				status: 'confirmed'
			}))
		);
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
		const single = performance.now();
		const first = await fetch(`${app.url}/workshops/${page._id}`, { headers: { cookie: viewer } });
		await first.text();
		console.log(
			`BENCH workshop-single page=roster100-agenda12 ms=${(performance.now() - single).toFixed(0)} status=${first.status}`
		);
		for (const connections of [10, 50]) {
			const r = await loadBesideBare(app, `/workshops/${page._id}`, pageLoad(viewer, connections));
			console.log(`BENCH workshop page=roster100-agenda12 c=${connections} ${formatBesideBare(r)}`);
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

		await surveyScenario(app, page._id, members[0]!, roster.slice(1));
	} finally {
		await app.stop();
	}
}

/**
 * The needs survey of the page's workshop with 1,000 answer sets: each export downloaded once
 * (time, peak RSS of the server sampled every 10 ms) and the results page under load.
 */
async function surveyScenario(
	app: BenchApp,
	workshopId: Types.ObjectId,
	organiser: { memberId: string; cookie: string },
	respondents: { memberId: string }[]
) {
	const organiserId = new Types.ObjectId(organiser.memberId);
	// Rights are read on every request: the first bench member becomes an organiser now.
	await Member.updateOne({ _id: organiserId }, { $set: { roles: ['organiser'] } });
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
	const answerSets = 1000;
	const rows = Array.from({ length: answerSets }, (_, i) => ({
		surveyId: survey._id,
		respondentKey: `member:${respondents[i % respondents.length]!.memberId}:${i}`,
		memberIds: [new Types.ObjectId(respondents[i % respondents.length]!.memberId)],
		answers: [
			{ questionId: single!._id, choiceIds: [single!.choices[i % 3]!._id] },
			{ questionId: multiple!._id, choiceIds: multiple!.choices.map((c) => c._id) },
			{ questionId: scale!._id, number: (i % 5) + 1 },
			{ questionId: number!._id, number: i % 100 },
			{ questionId: long!._id, text: `Antwort ${i}: Fördermittel, Personal und Breitband 🚲` }
		]
	}));
	for (let i = 0; i < rows.length; i += 500)
		await SurveyResponse.insertMany(rows.slice(i, i + 500));
	const organiserCookie = organiser.cookie;
	for (const format of ['csv', 'xlsx']) {
		let peak = await sampleRss(app.pid);
		const sampler = setInterval(() => {
			void sampleRss(app.pid).then((rss) => (peak = Math.max(peak, rss)));
		}, 10);
		const started = performance.now();
		const res = await fetch(`${app.url}/workshops/${workshopId}/survey/export.${format}`, {
			headers: { cookie: organiserCookie }
		});
		const bytes = (await res.arrayBuffer()).byteLength;
		const ms = performance.now() - started;
		clearInterval(sampler);
		console.log(
			`BENCH workshop survey-export format=${format} answers=${answerSets} status=${res.status} bytes=${bytes} ms=${ms.toFixed(0)} peakRssMB=${peak.toFixed(0)} baselineRssMB=${app.baselineRssMB.toFixed(0)}`
		);
	}
	const r = await loadBesideBare(
		app,
		`/workshops/${workshopId}/survey/results`,
		pageLoad(organiserCookie, 10)
	);
	console.log(`BENCH workshop survey-results answers=${answerSets} c=10 ${formatBesideBare(r)}`);
}
