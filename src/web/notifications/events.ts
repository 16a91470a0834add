// The window event a page sends after it changed the user's notifications, so the header count follows.
export const NOTIFICATIONS_CHANGED = 'koers:notifications';
