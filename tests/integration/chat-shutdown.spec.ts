import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { ChatMessageDto } from '../../src/lib/realtime/events';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, startApp } from '../support/app';
import { cohortChannel, newClientId, request } from '../support/chat';
import { databaseUri } from '../support/db';
import { connected, openSocket } from '../support/socket';

/** The channel's stored position and the sender's read position, straight from the database. */
async function positions(uri: string, channelId: string, email: string) {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const db = conn.db!;
		const channel = await db
			.collection('channels')
			.findOne({ _id: new mongoose.Types.ObjectId(channelId) });
		const member = await db.collection('members').findOne({ email });
		const read = await db
			.collection('channelreads')
			.findOne({ channelId: channel!._id, memberId: member!._id });
		return { lastSeq: channel!.lastSeq as number, lastReadSeq: read?.lastReadSeq as number };
	} finally {
		await conn.close();
	}
}

describe('chat writes at shutdown', () => {
	it('SIGTERM right after a message still stores the channel and read positions', async () => {
		const uri = databaseUri(`chatshutdown_${Date.now()}`);
		const app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		const email = 'anna.schulze@netzwerk.example';
		const socket = await connected(
			openSocket(app.url, { cookie: await login(app, email, demoPassword) })
		);
		const channelId = await cohortChannel(uri, 'durchgang-1-');
		const ack = await request<ChatMessageDto>(socket, 'message:send', {
			channelId,
			clientId: newClientId(),
			body: 'Kurz vor dem Neustart'
		});
		expect(ack.ok).toBe(true);
		const seq = ack.ok ? ack.data.seq : -1;
		// Within the coalescing delay: only the shutdown flush can have written the positions.
		expect(await app.stop('SIGTERM')).toBe(0);
		socket.close();
		expect(await positions(uri, channelId, email)).toEqual({ lastSeq: seq, lastReadSeq: seq });
	});
});
