// Notifications (meldingen), one chunk (see app/router.tsx).
export { NotificationsPage } from './NotificationsPage';
