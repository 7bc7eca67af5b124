import { trusted } from 'mongoose';
import type { RegisterFilter } from '$lib/schemas/needs';
import { formatDateTime } from '$lib/datetime';
import { messages, type Locale } from '$lib/i18n';
import { severalMunicipalities } from '$lib/workshops';
import { can, type Actor } from '../auth/permissions';
import { oid } from '../db/ids';
import { Need } from '../db/models';
import { ok, refused, type Result } from '../result';
import {
	inBatches,
	spreadsheetFile,
	type Cell,
	type ExportFile,
	type ExportFormat
} from '../spreadsheet';
import { resourceOf, visibleWorkshops } from './access';
import { municipalityNames, needCardDto, type NeedCardDto, type NeedLean } from './needs';
import { municipalityList } from './survey-answers';

export const registerPageSize = 50;

export interface RegisterRowDto extends NeedCardDto {
	workshop: { id: string; label: string };
	mayManage: boolean;
}

export interface RegisterDto {
	rows: RegisterRowDto[];
	total: number;
	page: number;
	pages: number;
	/** The choices of the filter form. */
	options: {
		municipalities: { id: string; name: string }[];
		topics: string[];
		workshops: { id: string; label: string }[];
	};
}

type Scope = {
	query: Record<string, unknown>;
	workshops: Map<string, { label: string; mayManage: boolean }>;
};

const workshopLabel = (w: { number?: number | null; title: string }) =>
	w.number ? `${w.number}. ${w.title}` : w.title;

/**
 * The query of the register: the cards of the workshops the actor may see now (the same rule
 * as the workshop list), narrowed by the filters. A filter naming a workshop the actor may not
 * see finds nothing, like one that does not exist.
 */
async function scopeOf(actor: Actor, filter: RegisterFilter): Promise<Scope> {
	const visible = await visibleWorkshops(actor);
	const workshops = new Map(
		visible.map(({ workshop, entry }) => [
			workshop._id.toString(),
			{
				label: workshopLabel(workshop),
				mayManage: can(actor, 'need:manage', resourceOf(workshop, entry))
			}
		])
	);
	const ids = [...workshops.keys()].filter((id) => !filter.workshop || id === filter.workshop);
	const query: Record<string, unknown> = {
		workshopId: trusted({ $in: ids.map(oid) }),
		mergedInto: null
	};
	if (filter.municipality)
		query.municipalityId =
			filter.municipality === severalMunicipalities ? null : oid(filter.municipality);
	if (filter.topic) query.topic = filter.topic;
	if (filter.status) query.status = filter.status;
	return { query, workshops };
}

/** One page of the register, newest first, with the choices of its filters. */
export async function listRegister(
	actor: Actor,
	filter: RegisterFilter
): Promise<Result<RegisterDto>> {
	if (!can(actor, 'needs:list')) return refused('forbidden');
	const { query, workshops } = await scopeOf(actor, filter);
	const [total, needs, topics] = await Promise.all([
		Need.countDocuments(query),
		Need.find(query)
			.sort({ createdAt: -1, _id: -1 })
			.skip((filter.page - 1) * registerPageSize)
			.limit(registerPageSize)
			.lean<NeedLean[]>(),
		Need.distinct('topic', {
			workshopId: trusted({ $in: [...workshops.keys()].map(oid) }),
			mergedInto: null
		})
	]);
	const names = await municipalityNames(needs.map((n) => n.municipalityId));
	return ok({
		rows: needs.map((n) => {
			const workshop = workshops.get(n.workshopId.toString())!;
			return {
				...needCardDto(n, names),
				workshop: { id: n.workshopId.toString(), label: workshop.label },
				mayManage: workshop.mayManage
			};
		}),
		total,
		page: filter.page,
		pages: Math.max(1, Math.ceil(total / registerPageSize)),
		options: {
			municipalities: await municipalityList(),
			topics: (topics as string[]).filter((t) => t !== '').sort((a, b) => a.localeCompare(b)),
			workshops: [...workshops].map(([id, w]) => ({ id, label: w.label }))
		}
	});
}

const batchSize = 200;

/** Every card the filters find (all pages), read in batches while the file is written. */
async function* registerRows(scope: Scope, locale: Locale): AsyncGenerator<Cell[]> {
	const t = messages(locale).needs;
	yield [
		t.fields.workshop,
		t.fields.title,
		t.fields.description,
		t.fields.municipality,
		t.fields.topic,
		t.fields.status,
		t.fields.createdAt
	];
	const cursor = Need.find(scope.query)
		.sort({ createdAt: -1, _id: -1 })
		.lean<NeedLean[]>()
		.cursor({ batchSize });
	for await (const batch of inBatches(cursor, batchSize)) {
		const names = await municipalityNames(batch.map((n) => n.municipalityId));
		for (const n of batch)
			yield [
				scope.workshops.get(n.workshopId.toString())?.label ?? '',
				n.title,
				n.descriptionSource,
				n.municipalityId ? (names.get(n.municipalityId.toString()) ?? '') : t.severalMunicipalities,
				n.topic,
				t.statuses[n.status],
				formatDateTime(n.createdAt, locale)
			];
	}
}

/** The filtered register as CSV or XLSX, through the app's streaming spreadsheet writer. */
export async function exportRegister(
	actor: Actor,
	input: { filter: RegisterFilter; format: ExportFormat; locale: Locale }
): Promise<Result<ExportFile>> {
	if (!can(actor, 'needs:list')) return refused('forbidden');
	const scope = await scopeOf(actor, input.filter);
	const t = messages(input.locale).needs;
	return ok(
		spreadsheetFile(registerRows(scope, input.locale), {
			format: input.format,
			locale: input.locale,
			name: t.register.title,
			sheet: t.register.title
		})
	);
}
