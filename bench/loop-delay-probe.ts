// The benchmark's side of loop-delay.js: starts a server process with the probe loaded and
// asks it for its event-loop delay over the IPC channel.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LoopDelay {
	p50: number;
	p99: number;
	max: number;
}

/** Node options that load the probe into a server process (which needs an IPC channel). */
export const loopProbeNodeArgs = [
	'--import',
	pathToFileURL(path.join(import.meta.dirname, 'loop-delay.js')).href
];

type Output = 'ignore' | 'inherit' | 'pipe';

/** `node <args>` with the probe loaded; stdin is the IPC channel, stdout/stderr as given. */
export function spawnWithLoopProbe(
	args: string[],
	options: SpawnOptions & { stdio: ['ignore', Output, Output] }
): ChildProcess {
	const [, stdout, stderr] = options.stdio;
	return spawn(process.execPath, [...loopProbeNodeArgs, ...args], {
		...options,
		stdio: ['ipc', stdout, stderr]
	});
}

/** Starts a new measuring window in the server. */
export function resetLoopDelay(child: ChildProcess): void {
	child.send('loop-delay:reset');
}

/** The server's event-loop delay since the last reset, in ms. */
export function readLoopDelay(child: ChildProcess): Promise<LoopDelay> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no loop delay answer in 10 s')), 10_000);
		const answer = (message: unknown) => {
			const m = message as { loopDelay?: LoopDelay };
			if (!m.loopDelay) return;
			clearTimeout(timer);
			child.off('message', answer);
			resolve(m.loopDelay);
		};
		child.on('message', answer);
		child.send('loop-delay:read');
	});
}
