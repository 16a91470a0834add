// Notifications (meldingen): the page and what each kind says. They never hold pupil content.
import type { Messages } from './types';

export const nl = {
  title: 'Meldingen',
  intro: 'Hier ziet u wat er voor u klaarstaat. Een melding noemt nooit een leerling; open hem om te zien waar het om gaat.',
  none: 'U hebt geen meldingen.',
  unread: 'Ongelezen',
  open: 'Openen',
  markRead: 'Gelezen',
  markAllRead: 'Alles als gelezen markeren',
  received: 'Ontvangen op {{date}}',
  listLabel: 'Meldingen, nieuwste eerst',
  kinds: {
    actionAssigned: 'Er is een actie aan u toegewezen{{due}}.',
    meetingScheduled: 'U bent uitgenodigd voor {{meeting}}{{date}}.',
    meetingChanged: '{{meeting}} is gewijzigd{{date}}.',
    caseProposed: 'Er is een leerling aangemeld voor {{meeting}}.',
    minutesClosed: 'Het verslag van {{meeting}} is vastgesteld.',
    parentPartRequested: 'De school vraagt u iets in te vullen of te beslissen.',
    casePublished: 'De school heeft afspraken met u gedeeld.',
    consentWithdrawn: 'Voor een leerling in {{meeting}}{{date}} is de toestemming ingetrokken of geweigerd, terwijl er externen deelnemen.',
  },
  dueSuffix: ' (uiterlijk {{date}})',
  dateSuffix: ' op {{date}}',
  aMeeting: 'een overleg',
};

export const en: Messages<typeof nl> = {
  title: 'Notifications',
  intro: 'What is waiting for you. A notification never names a pupil; open it to see what it is about.',
  none: 'You have no notifications.',
  unread: 'Unread',
  open: 'Open',
  markRead: 'Mark read',
  markAllRead: 'Mark all as read',
  received: 'Received on {{date}}',
  listLabel: 'Notifications, newest first',
  kinds: {
    actionAssigned: 'An action was assigned to you{{due}}.',
    meetingScheduled: 'You were invited to {{meeting}}{{date}}.',
    meetingChanged: '{{meeting}} has changed{{date}}.',
    caseProposed: 'A pupil was proposed for {{meeting}}.',
    minutesClosed: 'The minutes of {{meeting}} are final.',
    parentPartRequested: 'The school asks you to fill something in or to decide.',
    casePublished: 'The school shared agreements with you.',
    consentWithdrawn: 'Consent for a pupil in {{meeting}}{{date}} was withdrawn or refused while external participants take part.',
  },
  dueSuffix: ' (due {{date}})',
  dateSuffix: ' on {{date}}',
  aMeeting: 'a meeting',
};
