// The task sentences of "Mijn taken" come from the catalogue in the user's language; the meeting tasks too (not the
// server's Dutch message), each in the variant its params call for.
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffMeetingTasks, parentMeetingTasks } from '../../domain/meetings/tasks';
import type { Task } from '../../domain/support/model';
import { en, nl } from '../i18n/supportPortal';
import { taskText } from './TaskList';

beforeAll(async () => {
  await i18n.init({
    lng: 'en', fallbackLng: false, interpolation: { escapeValue: false },
    resources: { nl: { translation: { supportPortal: nl } }, en: { translation: { supportPortal: en } } },
  });
});

const today = '2026-11-24';
const staff = staffMeetingTasks({
  today, reminderDays: 14, minutesDays: 7, parentsInformedRequired: true,
  actions: [
    { actionId: 1, meetingId: 5, meetingTitle: 'Zorgteam', description: 'Klassenbezoek', dueOn: '2026-11-20', pupil: null },
    { actionId: 2, meetingId: 5, meetingTitle: 'Zorgteam', description: 'Gesprek ouders', dueOn: '2026-12-01', pupil: null },
  ],
  meetings: [
    { meetingId: 6, title: 'Groepsbespreking groep 5', heldOn: '2026-11-30', status: 'planned', checklistOpen: 2, chairs: true, runs: true },
    { meetingId: 7, title: 'Leerlingbespreking', heldOn: '2026-11-10', status: 'held', checklistOpen: 0, chairs: true, runs: true },
  ],
  cases: [
    { caseId: 3, meetingId: 8, meetingTitle: 'Zorgteam', heldOn: '2026-12-03', meetingKind: 'careTeam', meetingStatus: 'planned', pupil: { id: 9, name: 'Anna Bos' },
      parentsInformed: null, parentsToldOn: null, informsParents: true, consent: 'none', needsConsent: true },
  ],
});
const parent = parentMeetingTasks(today, [
  { caseId: 3, meetingId: 8, kindLabel: 'zorgteam', heldOn: '2026-12-03', pupil: { id: 9, name: 'Anna Bos' }, partRequested: true, partFilled: false, consentAsked: true, consent: 'none', meetingClosed: false },
]);
const text = (tasks: Task[], kind: string, pick: (t: Task) => boolean = () => true) => taskText(i18n.t, tasks.find((t) => t.kind === kind && pick(t))!);

describe('meeting task sentences', () => {
  it('are in English in the English UI, with the variant for an overdue action, a late verslag and the parents’ part', () => {
    expect(text(staff, 'meetingAction', (t) => t.overdue)).toBe('Action from Zorgteam: ‘Klassenbezoek’ should have been done on 20/11/2026.');
    expect(text(staff, 'meetingAction', (t) => !t.overdue)).toBe('Action from Zorgteam: ‘Gesprek ouders’, due 01/12/2026.');
    expect(text(staff, 'meetingPreparation')).toBe('Prepare Groepsbespreking groep 5 on 30/11/2026: open checklist items: 2.');
    expect(text(staff, 'minutesDue')).toBe('The minutes of Leerlingbespreking on 10/11/2026 should have been set on 17/11/2026.');
    expect(text(staff, 'parentsToInform')).toBe('Inform the parents of Anna Bos before Zorgteam on 03/12/2026 and record it.');
    expect(text(staff, 'consentMissing')).toBe('The parents’ consent to discuss Anna Bos with external experts is missing (Zorgteam, 03/12/2026).');
    expect(text(parent, 'parentPartRequested')).toBe('For the zorgteam about Anna Bos on 03/12/2026, fill in the parents’ part and decide on consent.');
  });

  it('in Dutch say what the server says', async () => {
    await i18n.changeLanguage('nl');
    for (const t of [...staff, ...parent]) {
      if (t.kind === 'meetingPreparation') expect(taskText(i18n.t, t)).toBe('Bereid Groepsbespreking groep 5 van 30-11-2026 voor: open punten op de checklist: 2.');
      else expect(taskText(i18n.t, t)).toBe(t.message);
    }
    await i18n.changeLanguage('en');
  });
});
