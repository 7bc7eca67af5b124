export { guestAccessEnds, type RosterEntry } from './access';
export {
	createWorkshop,
	updateWorkshop,
	changeWorkshopState,
	onWorkshopChange,
	type WorkshopInput,
	type WorkshopState,
	type WorkshopChange
} from './lifecycle';
export { seedWorkshops } from './seed';
export { answerRsvp, onPromotion, type MyRegistrationDto, type RsvpAnswer } from './registration';
export {
	listWorkshops,
	getWorkshopPage,
	getWorkshopForEdit,
	type WorkshopSummaryDto,
	type WorkshopPageDto,
	type ParticipantDto,
	type AgendaItemDto,
	type WorkshopLists
} from './page';
export { inviteSupervisor, type SupervisorInvitationInput } from './guests';
export { inviteObserver, revokeGuest, type ObserverInvitationInput } from './observers';
export { startWorkshops } from './start';
export {
	changeAgenda,
	proposeTopic,
	getAgendaForEdit,
	type AgendaEditDto,
	type AgendaChange
} from './agenda';
export {
	buildCalendar,
	invitationCalendar,
	workshopCalendar,
	workshopUid,
	type CalendarEntry,
	type CalendarFile
} from './calendar';
export {
	getCalendarFeed,
	renewCalendarFeed,
	endCalendarFeed,
	feedCalendar,
	type CalendarFeedDto
} from './feed';
export {
	reviewRsvpLink,
	answerByRsvpLink,
	type RsvpLinkDto,
	type RsvpLinkAnsweredDto
} from './rsvp-links';
export { workshopDashboard, type WorkshopDashboardDto } from './dashboard';
export {
	addMaterialFile,
	addMaterialLink,
	removeMaterial,
	setParticipantUploads,
	getMaterialsPage,
	type MaterialDto,
	type MaterialsDto,
	type MaterialsPageDto
} from './materials';
export {
	saveNote,
	getNoteHistory,
	setNoteTaker,
	setNotesReopened,
	type NoteSaved,
	type NoteVersionDto
} from './notes';
export { moveLiveItem, checkIn, correctAttendance } from './live';
export { addOutcome, removeOutcome, type OutcomeDto, type OutcomeInput } from './outcomes';
export { saveSurveySettings, addQuestion, removeQuestion, changeSurveyState } from './survey';
export { getSurveyPage, saveAnswers, type SurveyPageDto } from './survey-answers';
export {
	getSurveyResults,
	type SurveyResultsDto,
	type QuestionResultDto,
	type Bar
} from './survey-results';
export { exportSurvey } from './survey-export';
export {
	createNeed,
	getNeedDraft,
	getNeedPage,
	updateNeed,
	setNeedStatus,
	mergeNeeds,
	type NeedCardDto,
	type NeedDraftDto,
	type NeedPageDto
} from './needs';
export {
	getNeedsPage,
	openVote,
	closeVote,
	castDot,
	type NeedsPageDto,
	type VoteDto,
	type RankedNeedDto
} from './needs-vote';
export {
	listRegister,
	exportRegister,
	type RegisterDto,
	type RegisterRowDto
} from './needs-register';
export {
	exportSummary,
	getSummaryPage,
	publishSummary,
	type SummaryFormat,
	type SummaryPageDto
} from './summary';
export { createFollowUpWorkshop } from './follow-up';
