import type { Ack, ChatMessageDto, ChatPresence, ChatTyping } from '$lib/realtime/events';
import type { AppSocket } from '$lib/realtime/socket.svelte';
import type { ReactionKey } from '$lib/reactions';

/**
 * The browser side of one open channel: the timeline by sequence number, the outbox of
 * messages not yet acknowledged, typing and presence. Delivery rules:
 * - every message is keyed by seq, so a live broadcast and a history page never show twice;
 * - after every (re)connect the client joins again and fetches everything after its last seq;
 * - the outbox sends one message at a time with a fixed clientId, so a retry after a lost
 *   acknowledgement is answered with the stored message instead of creating a second one.
 */
export type OutboxStatus = 'pending' | 'sending' | 'failed';
export interface OutboxItem {
	clientId: string;
	body: string;
	replyTo: number | null;
	status: OutboxStatus;
	error: string;
}

const pageSize = 50;
const ackTimeoutMs = 10_000;
const typingShownMs = 6000;

export function newClientId(): string {
	return crypto.randomUUID();
}

export class ChatChannel {
	messages = $state<ChatMessageDto[]>([]);
	outbox = $state<OutboxItem[]>([]);
	typing = $state<Record<string, { name: string; until: number }>>({});
	presence = $state<ChatPresence['members']>([]);
	hasOlder = $state(true);
	loadingOlder = $state(false);
	/** Text for the polite live region: the latest arrival from someone else. */
	announcement = $state('');

	private socket: AppSocket | null = null;
	private flushing = false;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private typingTimer: ReturnType<typeof setInterval> | undefined;
	private cleanups: Array<() => void> = [];

	constructor(
		readonly channelId: string,
		readonly meId: string,
		initial: ChatMessageDto[],
		private readonly announce: (m: ChatMessageDto) => string
	) {
		this.messages = [...initial].sort((a, b) => a.seq - b.seq);
		this.hasOlder = (this.messages[0]?.seq ?? 1) > 1;
	}

	/**
	 * The outbox outlives a reload of the tab (sessionStorage): what was typed offline is not
	 * lost, and sending it again is safe because each item keeps its clientId.
	 */
	private get storageKey() {
		return `chat-outbox:${this.channelId}`;
	}

	private restoreOutbox(): OutboxItem[] {
		try {
			const saved = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]') as OutboxItem[];
			return saved.map((o) => ({ ...o, status: o.status === 'failed' ? 'failed' : 'pending' }));
		} catch {
			return []; // server rendering or storage unavailable
		}
	}

	private persistOutbox() {
		try {
			if (this.outbox.length === 0) sessionStorage.removeItem(this.storageKey);
			else sessionStorage.setItem(this.storageKey, JSON.stringify(this.outbox));
		} catch {
			// storage full or unavailable: the outbox still lives in memory
		}
	}

	get lastSeq(): number {
		return this.messages.at(-1)?.seq ?? 0;
	}

	/**
	 * The highest seq up to which the timeline has no hole. Resync starts here, not at the
	 * highest seq held: a message stored but never broadcast (its instance died in between)
	 * or overtaken by a later one from another instance leaves a hole that must be fetched.
	 */
	get contiguousSeq(): number {
		const list = this.messages;
		for (let i = 0; i + 1 < list.length; i++)
			if (list[i + 1]!.seq !== list[i]!.seq + 1) return list[i]!.seq;
		return this.lastSeq;
	}

	get typingNames(): string[] {
		return Object.values(this.typing).map((t) => t.name);
	}

	/** Binds to the tab's socket; returns the function that unbinds. */
	attach(socket: AppSocket): () => void {
		this.socket = socket;
		// Restored in the browser only, after hydration, so server and client render alike.
		this.outbox = this.restoreOutbox();
		const onNew = (m: ChatMessageDto) => {
			if (m.channelId !== this.channelId) return;
			const isNew = this.merge([m]);
			delete this.typing[m.authorId];
			if (this.contiguousSeq < this.lastSeq) this.scheduleGapFill();
			if (isNew && m.authorId !== this.meId) this.announcement = this.announce(m);
		};
		const onUpdated = (m: ChatMessageDto) => {
			if (m.channelId === this.channelId) this.merge([m]);
		};
		const onTyping = (t: ChatTyping) => {
			if (t.channelId !== this.channelId || t.memberId === this.meId) return;
			if (t.typing) this.typing[t.memberId] = { name: t.name, until: Date.now() + typingShownMs };
			else delete this.typing[t.memberId];
		};
		const onPresence = (p: ChatPresence) => {
			if (p.channelId === this.channelId) this.presence = p.members;
		};
		const onConnect = () => void this.resync();
		socket.on('message:new', onNew);
		socket.on('message:updated', onUpdated);
		socket.on('typing:update', onTyping);
		socket.on('presence:update', onPresence);
		socket.on('connect', onConnect);
		this.cleanups.push(() => {
			socket.off('message:new', onNew);
			socket.off('message:updated', onUpdated);
			socket.off('typing:update', onTyping);
			socket.off('presence:update', onPresence);
			socket.off('connect', onConnect);
			socket.emit('channel:leave', { channelId: this.channelId }, () => undefined);
		});
		// Typing indicators expire on their own: a lost "stop" never leaves one hanging.
		this.typingTimer = setInterval(() => {
			const now = Date.now();
			for (const [id, t] of Object.entries(this.typing)) if (t.until < now) delete this.typing[id];
		}, 1000);
		if (socket.connected) void this.resync();
		return () => this.detach();
	}

	detach(): void {
		for (const c of this.cleanups.splice(0)) c();
		clearInterval(this.typingTimer);
		clearTimeout(this.retryTimer);
		clearTimeout(this.gapTimer);
		this.socket = null;
	}

	private request<T>(event: string, payload: unknown): Promise<Ack<T>> {
		const socket = this.socket;
		if (!socket?.connected) return Promise.reject(new Error('offline'));
		return (socket.timeout(ackTimeoutMs) as unknown as AppSocketLoose).emitWithAck(
			event,
			payload
		) as Promise<Ack<T>>;
	}

	/** Adds or replaces messages by seq, keeping the timeline sorted; true if any was new. */
	merge(incoming: ChatMessageDto[]): boolean {
		let added = false;
		const list = this.messages;
		for (const m of incoming) {
			const last = list.at(-1);
			if (!last || m.seq > last.seq) {
				list.push(m);
				added = true;
				continue;
			}
			const index = list.findIndex((x) => x.seq >= m.seq);
			if (list[index]!.seq === m.seq) list[index] = m;
			else {
				list.splice(index, 0, m);
				added = true;
			}
		}
		// A message that arrived by broadcast before its acknowledgement leaves the outbox.
		const stored = incoming.map((m) => m.clientId);
		if (this.outbox.some((o) => stored.includes(o.clientId))) {
			this.outbox = this.outbox.filter((o) => !stored.includes(o.clientId));
			this.persistOutbox();
		}
		return added;
	}

	/** Join the room, fetch everything after the last gap-free seq, then send what waited. */
	async resync(): Promise<void> {
		try {
			const joined = await this.request<{ presence: ChatPresence }>('channel:join', {
				channelId: this.channelId
			});
			if (!joined.ok) return;
			this.presence = joined.data.presence.members;
			await this.fetchMissing();
		} catch {
			// offline again: the next connect resyncs
		}
		void this.flush();
	}

	private async fetchMissing(): Promise<void> {
		for (let pages = 0; pages < 50; pages++) {
			const page = await this.request<{ messages: ChatMessageDto[] }>('message:history', {
				channelId: this.channelId,
				afterSeq: this.contiguousSeq,
				limit: 200
			});
			if (!page.ok) return;
			this.merge(page.data.messages);
			if (page.data.messages.length < 200) return;
		}
	}

	private gapTimer: ReturnType<typeof setTimeout> | undefined;
	/** A hole usually closes by itself within moments (a later seq overtook); if not, fetch it. */
	private scheduleGapFill() {
		if (this.gapTimer) return;
		this.gapTimer = setTimeout(() => {
			this.gapTimer = undefined;
			if (this.contiguousSeq < this.lastSeq) void this.fetchMissing().catch(() => undefined);
		}, 500);
	}

	async loadOlder(): Promise<void> {
		if (this.loadingOlder || !this.hasOlder) return;
		this.loadingOlder = true;
		try {
			const first = this.messages[0]?.seq;
			const page = await this.request<{ messages: ChatMessageDto[] }>('message:history', {
				channelId: this.channelId,
				...(first ? { beforeSeq: first } : {}),
				limit: pageSize
			});
			if (page.ok) {
				this.merge(page.data.messages);
				this.hasOlder = page.data.messages.length === pageSize && page.data.messages[0]!.seq > 1;
			}
		} catch {
			// offline: the button stays and can be tried again
		} finally {
			this.loadingOlder = false;
		}
	}

	/** Queues a message; it goes out now if connected, or after the next reconnect. */
	send(body: string, replyTo: number | null): void {
		this.outbox.push({ clientId: newClientId(), body, replyTo, status: 'pending', error: '' });
		this.persistOutbox();
		void this.flush();
	}

	retry(clientId: string): void {
		const item = this.outbox.find((o) => o.clientId === clientId);
		if (item) item.status = 'pending';
		void this.flush();
	}

	discard(clientId: string): void {
		this.outbox = this.outbox.filter((o) => o.clientId !== clientId);
		this.persistOutbox();
	}

	/** Sends the outbox in order, one at a time, each with its own fixed clientId. */
	async flush(): Promise<void> {
		if (this.flushing) return;
		this.flushing = true;
		try {
			for (;;) {
				const item = this.outbox.find((o) => o.status === 'pending');
				if (!item || !this.socket?.connected) return;
				item.status = 'sending';
				let answer: Ack<ChatMessageDto>;
				try {
					answer = await this.request<ChatMessageDto>('message:send', {
						channelId: this.channelId,
						clientId: item.clientId,
						body: item.body,
						...(item.replyTo ? { replyTo: item.replyTo } : {})
					});
				} catch {
					// No acknowledgement (connection lost or timeout): same clientId again later.
					item.status = 'pending';
					this.scheduleRetry(2000);
					return;
				}
				if (answer.ok) {
					this.merge([answer.data]);
					this.discard(item.clientId);
				} else if (answer.code === 'rate_limited' || answer.code === 'unavailable') {
					item.status = 'pending';
					item.error = answer.error;
					this.scheduleRetry(answer.code === 'rate_limited' ? 1500 : 3000);
					return;
				} else {
					item.status = 'failed';
					item.error = answer.error;
				}
			}
		} finally {
			this.flushing = false;
		}
	}

	private scheduleRetry(ms: number) {
		clearTimeout(this.retryTimer);
		this.retryTimer = setTimeout(() => void this.flush(), ms + Math.random() * 500);
	}

	async edit(seq: number, body: string): Promise<Ack<ChatMessageDto>> {
		const answer = await this.request<ChatMessageDto>('message:edit', {
			channelId: this.channelId,
			seq,
			body
		});
		if (answer.ok) this.merge([answer.data]);
		return answer;
	}

	async remove(seq: number): Promise<Ack<ChatMessageDto>> {
		const answer = await this.request<ChatMessageDto>('message:delete', {
			channelId: this.channelId,
			seq
		});
		if (answer.ok) this.merge([answer.data]);
		return answer;
	}

	async react(seq: number, reaction: ReactionKey, on: boolean): Promise<void> {
		const answer = await this.request<ChatMessageDto>('message:react', {
			channelId: this.channelId,
			seq,
			reaction,
			on
		}).catch(() => null);
		if (answer?.ok) this.merge([answer.data]);
	}

	markRead(seq: number): void {
		if (this.socket?.connected)
			this.socket.emit('channel:read', { channelId: this.channelId, seq }, () => undefined);
	}

	typingSignal(on: boolean): void {
		if (this.socket?.connected)
			this.socket.emit(on ? 'typing:start' : 'typing:stop', { channelId: this.channelId });
	}
}

/** emitWithAck with a free event name (the typed map is checked at the server). */
interface AppSocketLoose {
	emitWithAck(event: string, payload: unknown): Promise<unknown>;
}
