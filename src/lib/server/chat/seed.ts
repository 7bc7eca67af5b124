import type { Role } from '../db/models';
import { Member } from '../db/models';
import type { SeedContext } from '../seed';
import * as chat from './index';

/** A short history for the first cohort's channel and the alumni channel; idempotent by clientId. */
const demoMessages: Array<{ channel: string; email: string; body: string }> = [
	{
		channel: 'durchgang-1',
		email: 'anna.schulze@netzwerk.example',
		body: 'Guten Morgen zusammen! Hat jemand schon eine **Datenstrategie** im Stadtrat beschlossen?'
	},
	{
		channel: 'durchgang-1',
		email: 'jonas.becker@netzwerk.example',
		body: 'Bei uns ist sie im Entwurf. Die Gliederung teile ich gern:\n- Ziele\n- Datenkatalog\n- Governance'
	},
	{
		channel: 'durchgang-1',
		email: 'moderation@netzwerk.example',
		body: 'Danke! Lasst uns das beim nächsten *Transfer-Workshop* aufgreifen.'
	},
	{
		channel: chat.generalChannelSlug,
		email: 'lukas.weber@netzwerk.example',
		body: 'Hallo aus Lemgo! Wir suchen Erfahrungen mit Open-Data-Portalen in kleineren Kommunen.'
	}
];

export async function seedChat(ctx: SeedContext): Promise<void> {
	await chat.ensureGeneralChannel();
	for (const [i, m] of demoMessages.entries()) {
		const id = ctx.memberIds.get(m.email);
		if (!id) continue;
		const member = await Member.findById(id, { displayName: 1, roles: 1, cohortIds: 1 }).lean();
		if (!member) continue;
		const actor = {
			id,
			displayName: member.displayName,
			roles: member.roles as Role[],
			cohortIds: member.cohortIds.map(String)
		};
		const channel = (await chat.listChannels(actor)).find(
			(c) => c.slug === m.channel || c.slug.endsWith(m.channel + '-brandenburg')
		);
		if (!channel) continue;
		await chat.sendMessage(actor, {
			channelId: channel.id,
			clientId: `demo-message-${i + 1}`,
			body: m.body
		});
	}
}
