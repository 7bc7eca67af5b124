/**
 * The links of the mails an action sends, for service specs: without SMTP the mail module logs
 * each mail's link as a JSON line on stdout, which this reads while the action runs.
 */
export async function loggedLinks(action: () => Promise<unknown>): Promise<string[]> {
	const lines: string[] = [];
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = ((chunk: string) => {
		lines.push(String(chunk));
		return true;
	}) as typeof process.stdout.write;
	try {
		await action();
	} finally {
		process.stdout.write = write;
	}
	return [...lines.join('').matchAll(/"link":"([^"]+)"/g)].map((m) => m[1]!);
}
