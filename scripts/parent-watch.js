/**
 * npm forwards Ctrl+C and SIGTERM to the script it runs; if npm itself is killed outright
 * (SIGKILL), the server would live on as an orphan holding its port, so it stops when the
 * npm process that started it goes away.
 */
export function stopWithNpm() {
	if (!process.env.npm_lifecycle_event) return;
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
	}, 1000).unref();
}
