import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Locale } from '$lib/i18n';

/**
 * Streamed CSV and XLSX files, as every export of the app writes them: rows come from an async
 * iterable (read in batches from the database), so neither the data nor the file is ever whole
 * in memory, and every text cell is neutralised against formula injection.
 */
export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number;

export interface ExportFile {
	filename: string;
	contentType: string;
	body: ReadableStream<Uint8Array>;
}

/**
 * A text a spreadsheet would run as a formula (= + - @) or whose leading tab or carriage return
 * hides one, made inert by a leading apostrophe. CSV and XLSX both pass every text through here.
 */
export function neutraliseCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows of a database cursor in groups, so each group's names are looked up in one query. */
export async function* inBatches<T>(rows: AsyncIterable<T>, size = 200): AsyncGenerator<T[]> {
	let batch: T[] = [];
	for await (const row of rows) {
		batch.push(row);
		if (batch.length === size) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}

const neutralised = (row: Cell[]) =>
	row.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c));

/**
 * CSV as German Excel opens it: UTF-8 with BOM, `;` between cells, CRLF between rows, numbers
 * with the locale's decimal mark (a negative number is a number, not a formula).
 */
function csvStream(rows: AsyncIterable<Cell[]>, locale: Locale): Readable {
	const csv = stringify({ delimiter: ';', record_delimiter: 'windows', bom: true });
	const decimal = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 });
	Readable.from(
		(async function* () {
			for await (const row of rows)
				yield neutralised(row).map((c) => (typeof c === 'number' ? decimal.format(c) : c));
		})()
	)
		.on('error', (err) => csv.destroy(err))
		.pipe(csv);
	return csv;
}

/** XLSX through exceljs's streaming writer: each row is committed, i.e. zipped out, at once. */
function xlsxStream(rows: AsyncIterable<Cell[]>, sheetName: string): Readable {
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false });
	const sheet = workbook.addWorksheet(sheetName);
	(async () => {
		for await (const row of rows) sheet.addRow(neutralised(row)).commit();
		sheet.commit();
		await workbook.commit();
	})().catch((err: unknown) => out.destroy(err as Error));
	return out;
}

/** The rows as a CSV or XLSX file named `<name>.<format>`, streamed while they are read. */
export function spreadsheetFile(
	rows: AsyncIterable<Cell[]>,
	options: { format: ExportFormat; locale: Locale; name: string; sheet: string }
): ExportFile {
	const stream =
		options.format === 'csv' ? csvStream(rows, options.locale) : xlsxStream(rows, options.sheet);
	return {
		filename: `${options.name}.${options.format}`,
		contentType:
			options.format === 'csv'
				? 'text/csv; charset=utf-8'
				: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: Readable.toWeb(stream) as ReadableStream<Uint8Array>
	};
}
