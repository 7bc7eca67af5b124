// Loaded into a benchmarked server with `node --import` (see loop-delay-probe.ts): measures
// the server's own event-loop delay, which no figure seen from outside can show. Answers the
// benchmark over the IPC channel: "loop-delay:reset" starts a new window, "loop-delay:read"
// replies with its percentiles in ms.
import { monitorEventLoopDelay } from 'node:perf_hooks';

// The histogram records whole sampling intervals: the delay is what exceeds the resolution.
const resolutionMs = 5;
const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
histogram.enable();

const delayMs = (/** @type {number} */ ns) => Math.max(0, ns / 1e6 - resolutionMs);

process.on('message', (message) => {
	if (message === 'loop-delay:reset') histogram.reset();
	if (message === 'loop-delay:read')
		process.send?.({
			loopDelay: {
				p50: delayMs(histogram.percentile(50)),
				p99: delayMs(histogram.percentile(99)),
				max: delayMs(histogram.max)
			}
		});
});
// The channel must not keep the server running once it is asked to stop.
process.channel?.unref();
