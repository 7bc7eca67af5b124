// npm run bench:fanout: one big channel at a low fixed rate (QUALITY.md: 5,000 members at
// 2 messages/s); the same full path and thin clients as the chat scenario, fan-out figures only.
import { runChat } from './chat';

export function run() {
	return runChat({
		name: 'fanout',
		sizes: (process.env.BENCH_FANOUT_SIZES ?? '1000,5000').split(',').map(Number),
		rate: Number(process.env.BENCH_FANOUT_RATE ?? 2),
		seconds: Number(process.env.BENCH_FANOUT_SECONDS ?? 10),
		sustained: false
	});
}
