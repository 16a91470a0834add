// The care calendar (jaarplanning / toetskalender) page, loaded as one chunk (see app/router.tsx).
export { CalendarPage } from './CalendarPage';
