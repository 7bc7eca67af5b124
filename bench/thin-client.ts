// A thin raw WebSocket client speaking Engine.IO v4 / Socket.IO v5 framing: socket.io-client
// costs more CPU than the server, so hundreds of them would measure themselves.
import WebSocket from 'ws';

/** One member's socket: Engine.IO pings answered, acks matched by id, events to `onEvent`. */
export class ThinClient {
	private ws: WebSocket;
	private nextAck = 0;
	private acks = new Map<number, (data: string) => void>();
	ready: Promise<void>;

	constructor(url: string, cookie: string) {
		this.ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
			headers: { origin: url, cookie },
			perMessageDeflate: false
		});
		this.ready = new Promise((resolve, reject) => {
			this.ws.on('error', reject);
			// Closed before Socket.IO confirmed the connection (no-op once connected).
			this.ws.on('close', () => reject(new Error('closed')));
			this.ws.on('message', (raw: Buffer) => {
				const data = raw.toString();
				if (data === '2') return this.ws.send('3'); // Engine.IO ping -> pong
				if (data.startsWith('0')) return this.ws.send('40'); // open -> Socket.IO connect
				if (data.startsWith('40')) return resolve();
				if (data.startsWith('44')) return reject(new Error(data));
				if (data.startsWith('43')) {
					const m = /^43(\d+)/.exec(data)!;
					const id = Number(m[1]);
					this.acks.get(id)?.(data.slice(m[0].length));
					this.acks.delete(id);
					return;
				}
				if (data.startsWith('42')) this.onEvent(data, performance.now());
			});
		});
	}

	/** An event frame (`42["name",…]`) as it arrived; regexes, not JSON.parse, keep it cheap. */
	protected onEvent(frame: string, at: number): void {
		void frame;
		void at;
	}

	/**
	 * Sends an acknowledged event and resolves with the acknowledgement's payload, or with
	 * `unanswered` after 30 s: one lost acknowledgement must show in the figures, not hang the run.
	 */
	emit(event: string, payload: unknown): Promise<string> {
		const id = this.nextAck++;
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.acks.delete(id);
				resolve(unanswered);
			}, 30_000);
			this.acks.set(id, (data) => {
				clearTimeout(timer);
				resolve(data);
			});
			this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
		});
	}

	close() {
		this.ws.close();
	}
}

/** What `emit` resolves with when no acknowledgement came. */
const unanswered = '[{"ok":false,"code":"unanswered"}]';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 200 connections per second: the handshake validates each session in the database. */
export async function connectInBatches<C extends ThinClient>(
	cookies: string[],
	open: (cookie: string) => C
): Promise<C[]> {
	const clients: C[] = [];
	for (let i = 0; i < cookies.length; i += 20) {
		const batch = cookies.slice(i, i + 20).map(open);
		await Promise.all(batch.map((c) => c.ready));
		clients.push(...batch);
		await sleep(100);
	}
	return clients;
}
