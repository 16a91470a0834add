// In-app notifications and their e-mail (issue 6). A notification tells *that* something waits and where, never pupil
// content: params hold no pupil names or care text (a meeting title such as "Groepsbespreking groep 5" is allowed).

export const NOTIFICATION_KINDS = [
  'actionAssigned', // an action of a meeting was given to you
  'meetingScheduled', // you were invited to a meeting
  'meetingChanged', // the date/time of a meeting you take part in changed
  'caseProposed', // a pupil was proposed for a meeting you chair
  'minutesClosed', // the minutes of a meeting you took part in are final
  'parentPartRequested', // a parent: the school asks you to fill in your part / to decide on consent
  'casePublished', // a parent: agreements about your child were shared
  'consentWithdrawn', // consent was withdrawn or refused for a pupil discussed in an open meeting with externals you chair or coordinate
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Params allowed per kind: meeting title and date, due date. Nothing about a pupil. */
export interface NotificationParams {
  meetingTitle?: string;
  heldOn?: string;
  dueOn?: string;
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationsView {
  unread: number;
  notifications: NotificationView[];
}

/** The e-mail subject and body of a notification: only that something waits, with the link (no pupil content). */
export function notificationMail(kind: NotificationKind, url: string): { subject: string; body: string } {
  const what: Record<NotificationKind, string> = {
    actionAssigned: 'Er staat een nieuwe actie voor u klaar in Koers.',
    meetingScheduled: 'U bent uitgenodigd voor een overleg in Koers.',
    meetingChanged: 'Een overleg waaraan u deelneemt, is gewijzigd.',
    caseProposed: 'Er is een leerling aangemeld voor een overleg dat u voorzit.',
    minutesClosed: 'Het verslag van een overleg waaraan u deelnam, is vastgesteld.',
    parentPartRequested: 'De school vraagt u iets in te vullen of te beslissen in Koers.',
    casePublished: 'De school heeft afspraken met u gedeeld in Koers.',
    consentWithdrawn: 'Voor een overleg met externe deelnemers is een toestemming ingetrokken of geweigerd.',
  };
  return {
    subject: 'Koers: er staat iets voor u klaar',
    body: `${what[kind]}\n\nLog in om het te bekijken: ${url}\n\nDeze e-mail bevat bewust geen gegevens over leerlingen.`,
  };
}
