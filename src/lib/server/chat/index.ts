/**
 * Per-cohort and network chat: channels, messages with gap-free sequence numbers, read
 * positions. Socket events and the page call these; the caches and the write-behind buffer
 * stay inside (only its flush is exported, for shutdown).
 */
export {
	channelRoom,
	ensureGeneralChannel,
	findReadableChannelBySlug,
	generalChannelSlug,
	hasChannels,
	listChannelMembers,
	listChannels,
	ownHandle,
	requireChannel,
	watchRoom,
	type ChannelInfo,
	type ChannelListItem,
	type ChannelMember
} from './channels';
export {
	broadcastUpdate,
	deleteMessage,
	editMessage,
	editWindowMs,
	history,
	postMessage,
	reactToMessage,
	sendMessage,
	type ChatMessageDto,
	type HistoryPage,
	type SendResult
} from './messages';
export { lastReadSeq, markRead, rekeyReadPositions } from './read-state';
export { ChatError, errorCode } from './errors';
export { flushPendingWrites } from './cache/write-behind';
