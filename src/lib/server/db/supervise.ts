import { errorFields, log } from '../log';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

/**
 * Keeps the embedded database running. When its process ends unexpectedly (killed, crashed),
 * it is started again on the same data folder and port, with growing pauses between attempts;
 * the database driver then reconnects by itself. While it is down, `problem` says why (for
 * /readyz); after `giveUpAfterMs` without success `failing` is true (for /healthz), so a
 * process manager restarts the whole app.
 */
export interface Supervisor {
	/** Null while the database runs; otherwise what happened. */
	problem(): string | null;
	/** True once the database has been down longer than the app waits for it. */
	failing(): boolean;
	stop(): Promise<void>;
}

/** Pause before restart attempt n: 0.25 s, 0.5 s, 1 s, 2 s, then every 4 s. */
export const restartDelayMs = (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 4000);
/** A restarted database counts as running once it has stayed up this long. */
const settleMs = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** Resolves with how the process ended, or null when it is still running after `ms`. */
function exitWithin(database: EmbeddedDatabase, ms: number): Promise<Exit | null> {
	const { process: child } = database;
	if (child.exitCode !== null || child.signalCode !== null)
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			child.off('exit', onExit);
			resolve(null);
		}, ms);
		const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
			clearTimeout(timer);
			resolve({ code, signal });
		};
		child.once('exit', onExit);
	});
}

function describe(exit: Exit, database: EmbeddedDatabase): string {
	const how = exit.signal ?? `exit code ${exit.code}`;
	const why = database.errorOutput().split('\n').at(-1);
	return why ? `${how}: ${why}` : how;
}

export function superviseEmbeddedDatabase(
	first: EmbeddedDatabase,
	options: { giveUpAfterMs: number }
): Supervisor {
	const { dataDir, port } = first;
	let current = first;
	let stopping = false;
	let downSince: number | null = null;
	let problem: string | null = null;

	async function recover() {
		for (let attempt = 1; !stopping; attempt++) {
			await sleep(restartDelayMs(attempt));
			if (stopping) return;
			try {
				current = await startEmbeddedDatabase({ dataDir, port });
				const exit = await exitWithin(current, settleMs);
				if (!exit) {
					log.info('Embedded database restarted', {
						attempt,
						downMs: Date.now() - (downSince ?? Date.now()),
						pid: current.process.pid
					});
					downSince = null;
					problem = null;
					watch(current);
					return;
				}
				problem = `embedded database cannot be restarted (${describe(exit, current)})`;
			} catch (err) {
				problem = `embedded database cannot be restarted (${errorFields(err).error as string})`;
			}
			log.error('Embedded database restart failed; trying again', { attempt, problem });
		}
	}

	function watch(database: EmbeddedDatabase) {
		database.process.once('exit', (code, signal) => {
			if (stopping) return;
			downSince = Date.now();
			problem = `embedded database stopped unexpectedly (${describe({ code, signal }, database)}); restarting`;
			log.error('Embedded database stopped unexpectedly; restarting it', {
				problem,
				port,
				dataDir
			});
			void recover();
		});
	}

	watch(first);
	return {
		problem: () => problem,
		failing: () => downSince !== null && Date.now() - downSince > options.giveUpAfterMs,
		async stop() {
			stopping = true;
			await current.stop();
		}
	};
}
