import { describe, expect, it } from 'vitest';
import { parentMeetingTasks, staffMeetingTasks, type StaffMeetingTaskInput } from './tasks';

const input = (over: Partial<StaffMeetingTaskInput>): StaffMeetingTaskInput => ({
  today: '2026-11-24', reminderDays: 14, minutesDays: 7, parentsInformedRequired: true, actions: [], meetings: [], cases: [], ...over,
});

describe('staffMeetingTasks', () => {
  it('an open action is a task with its meeting and action id, overdue after its date', () => {
    const tasks = staffMeetingTasks(input({
      actions: [
        { actionId: 1, meetingId: 5, meetingTitle: 'Groepsbespreking groep 5', description: 'Klassenbezoek', dueOn: '2026-11-20', pupil: null },
        { actionId: 2, meetingId: 5, meetingTitle: 'Groepsbespreking groep 5', description: 'Groepsplan', dueOn: '2026-12-01', pupil: { id: 9, name: 'Anna Bos' } },
      ],
    }));
    expect(tasks.map((t) => [t.kind, t.actionId, t.meetingId, t.overdue])).toEqual([['meetingAction', 1, 5, true], ['meetingAction', 2, 5, false]]);
    expect(tasks[0].message).toBe('Actie uit Groepsbespreking groep 5: ‘Klassenbezoek’ had op 20-11-2026 af moeten zijn.');
    expect(tasks[1]).toMatchObject({ pupilId: 9, pupilName: 'Anna Bos', dueOn: '2026-12-01' });
  });

  it('the chair prepares an upcoming groepsbespreking; who runs a past meeting writes the minutes', () => {
    const tasks = staffMeetingTasks(input({
      meetings: [
        { meetingId: 1, title: 'GB 5', heldOn: '2026-12-01', status: 'planned', checklistOpen: 3, chairs: true, runs: true },
        { meetingId: 2, title: 'GB 6', heldOn: '2027-01-20', status: 'planned', checklistOpen: 7, chairs: true, runs: true }, // too far ahead
        { meetingId: 3, title: 'LB', heldOn: '2026-11-10', status: 'held', checklistOpen: 0, chairs: false, runs: true },
        { meetingId: 4, title: 'LB2', heldOn: '2026-11-20', status: 'planned', checklistOpen: 0, chairs: false, runs: true },
      ],
    }));
    expect(tasks.map((t) => [t.kind, t.meetingId, t.dueOn, t.overdue])).toEqual([
      ['minutesDue', 3, '2026-11-17', true], ['minutesDue', 4, '2026-11-27', false], ['meetingPreparation', 1, '2026-12-01', false],
    ]);
  });

  it('parents to inform before and after (proposer only), consent missing (who runs it)', () => {
    const c = {
      caseId: 1, meetingId: 7, meetingTitle: 'Leerlingbespreking', heldOn: '2026-12-01', meetingKind: 'pupilDiscussion' as const, meetingStatus: 'planned' as const,
      pupil: { id: 3, name: 'Anna Bos' }, parentsInformed: null, parentsToldOn: null, consent: 'none' as const, informsParents: true, needsConsent: false,
    };
    expect(staffMeetingTasks(input({ cases: [c] })).map((t) => [t.kind, t.params.moment])).toEqual([['parentsToInform', 'before']]);
    expect(staffMeetingTasks(input({ cases: [{ ...c, informsParents: false }] }))).toEqual([]);
    const after = staffMeetingTasks(input({ cases: [{ ...c, heldOn: '2026-11-18', meetingStatus: 'held', parentsInformed: 'yes' }] }));
    expect(after.map((t) => [t.kind, t.params.moment, t.dueOn])).toEqual([['parentsToInform', 'after', '2026-12-02']]);
    const consent = staffMeetingTasks(input({ cases: [{ ...c, meetingKind: 'careTeam', informsParents: false, needsConsent: true }] }));
    expect(consent.map((t) => t.kind)).toEqual(['consentMissing']);
    expect(consent[0].message).toContain('Anna Bos');
    expect(staffMeetingTasks(input({ parentsInformedRequired: false, cases: [c] }))).toEqual([]);
  });
});

describe('parentMeetingTasks', () => {
  it('asks for the parents’ part and the consent decision until given; nothing after closing', () => {
    const base = { caseId: 1, meetingId: 2, kindLabel: 'zorgteam', heldOn: '2026-12-08', pupil: { id: 3, name: 'Anna Bos' }, partRequested: true, partFilled: false, consentAsked: true, consent: 'none' as const, meetingClosed: false };
    const [task] = parentMeetingTasks('2026-11-24', [base]);
    expect(task).toMatchObject({ kind: 'parentPartRequested', pupilId: 3, dueOn: '2026-12-08' });
    expect(task.message).toBe('Voor het zorgteam over Anna Bos op 08-12-2026 vult u het ouderdeel in en beslist u over toestemming.');
    expect(parentMeetingTasks('2026-11-24', [{ ...base, partFilled: true, consent: 'given' }])).toEqual([]);
    expect(parentMeetingTasks('2026-11-24', [{ ...base, meetingClosed: true }])).toEqual([]);
  });
});
