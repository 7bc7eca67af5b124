export { Member, type MemberDoc, roles, type Role } from './member';
export { Session, type SessionDoc } from './session';
export { Municipality, type MunicipalityDoc } from './municipality';
export { Cohort, type CohortDoc } from './cohort';
export { Channel, type ChannelDoc } from './channel';
export { Invitation, type InvitationDoc } from './invitation';
export {
	PasswordReset,
	SignInLink,
	RsvpLink,
	type OneTimeLinkModel,
	type PasswordResetDoc,
	type RsvpLinkDoc
} from './one-time-link';
export { AuditEntry, type AuditEntryDoc } from './audit-entry';
export { Avatar } from './avatar';
export { Notification, type NotificationDoc, notificationKinds } from './notification';
export { Message, type MessageDoc, ChannelRead } from './message';
export {
	ForumCategory,
	ForumTag,
	ForumThread,
	ForumPost,
	ForumReport,
	ForumThreadState,
	reactionKeys,
	type ReactionKey,
	type ForumCategoryDoc,
	type ForumThreadDoc,
	type ForumPostDoc
} from './forum';
export { Job, JobClaim, type JobDoc } from './job';
export {
	Workshop,
	WorkshopRegistration,
	WorkshopSeat,
	workshopStates,
	rosterRoles,
	type WorkshopDoc,
	type WorkshopRegistrationDoc
} from './workshop';
export { CalendarFeed, type CalendarFeedDoc } from './calendar-feed';
export { Upload, uploadOwners, type UploadDoc } from './upload';
export { WorkshopMaterial, type WorkshopMaterialDoc } from './workshop-material';
export {
	WorkshopNoteVersion,
	WorkshopOutcome,
	outcomeKinds,
	type WorkshopNoteVersionDoc,
	type WorkshopOutcomeDoc
} from './workshop-note';
export {
	Survey,
	SurveyResponse,
	surveyQuestionKinds,
	surveyStates,
	surveyModes,
	type SurveyDoc,
	type SurveyResponseDoc
} from './survey';
export { Need, NeedVote, NeedDot, type NeedDoc, type NeedVoteDoc } from './need';
export { LegalPage, type LegalPageDoc } from './legal-page';
export { SearchChange, SearchMeta, searchKinds, type SearchKind } from './search';
export { DataMigration } from './data-migration';
