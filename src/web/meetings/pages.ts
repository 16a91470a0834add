// Meetings pages (overleg, the meeting page, the action board, the parents' discussions page), loaded as one chunk
// (see app/router.tsx).
export { MeetingsPage } from './MeetingsPage';
export { MeetingPage } from './MeetingPage';
export { ActionBoardPage } from './ActionBoardPage';
export { ParentCasesPage } from './ParentCasesPage';
