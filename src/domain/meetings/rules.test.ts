import { describe, expect, it } from 'vitest';
import { checklistOpen, checklistView, GROUP_CHECKLIST, unknownChecklistKeys } from './checklist';
import { caseForms, minutesFields, missingRequired, publishedAgreements, unknownKeys } from './forms';
import {
  actionOverdue, canTransition, caseBlockedByExternals, caseFormDueOn, caseFormLate, casesBlockingExternals, caseWarnings, checkParentsInformed,
  closeProblems, meetingWarnings, nextFromRota,
} from './rules';
import { defaultMeetingSettings } from './settings';

const settings = defaultMeetingSettings('po');

describe('consent before externals', () => {
  it('every discussed pupil needs consent given; announcements do not; the setting can switch it off', () => {
    const cases = [
      { caseId: 1, pupilId: 1, kind: 'discussion' as const, consent: 'given' as const },
      { caseId: 2, pupilId: 2, kind: 'discussion' as const, consent: 'refused' as const },
      { caseId: 3, pupilId: 3, kind: 'announcement' as const, consent: 'none' as const },
      { caseId: 4, pupilId: 4, kind: 'discussion' as const, consent: 'none' as const },
    ];
    expect(casesBlockingExternals(settings, cases).map((c) => c.caseId)).toEqual([2, 4]);
    expect(casesBlockingExternals({ ...settings, consentBeforeExternals: false }, cases)).toEqual([]);
    expect(caseBlockedByExternals(settings, true, 'discussion', 'none')).toBe(true);
    expect(caseBlockedByExternals(settings, false, 'discussion', 'none')).toBe(false);
    expect(caseBlockedByExternals(settings, true, 'announcement', 'none')).toBe(false);
    expect(caseBlockedByExternals(settings, true, 'discussion', 'given')).toBe(false);
  });
});

describe('case rules', () => {
  const base = {
    kind: 'discussion' as const, meetingKind: 'pupilDiscussion' as const, heldOn: '2026-12-10', proposedOn: '2026-12-01',
    form: { reason: 'Zorgen', helpQuestion: 'Hoe?' }, parentsInformed: 'yes' as const, notInformedReason: '', parentsToldOn: null,
    consent: 'none' as const, hasExternals: false, status: 'planned' as const,
  };

  it('the form is due caseFormDaysBefore days before the meeting (seed 002: two)', () => {
    expect(caseFormDueOn(settings, '2026-12-10')).toBe('2026-12-08');
    expect(caseFormLate(settings, '2026-12-10', '2026-12-08')).toBe(false);
    expect(caseFormLate(settings, '2026-12-10', '2026-12-09')).toBe(true);
    expect(caseWarnings(settings, { ...base, proposedOn: '2026-12-09' }, '2026-12-09').join(' ')).toMatch(/later ingeleverd dan 2 dagen/);
  });

  it('parents informed: yes, or no with a reason; feedback after the meeting is asked for', () => {
    expect(checkParentsInformed('no', '')).toMatch(/waarom/);
    expect(checkParentsInformed('no', 'Veiligheid van de leerling')).toBeNull();
    expect(checkParentsInformed('yes', '')).toBeNull();
    expect(caseWarnings(settings, base, '2026-12-01')).toEqual([]);
    expect(caseWarnings(settings, { ...base, parentsInformed: null }, '2026-12-01')).toEqual(['Nog niet vastgelegd of de ouders vooraf op de hoogte zijn gebracht.']);
    expect(caseWarnings(settings, base, '2026-12-11')).toEqual(['De ouders hebben nog geen terugkoppeling gekregen na de bespreking.']);
    expect(caseWarnings({ ...settings, parentsInformedRequired: false }, { ...base, parentsInformed: null }, '2026-12-11')).toEqual([]);
  });

  it('an incomplete form and missing consent in a care-team meeting are warned about', () => {
    const w = caseWarnings(settings, { ...base, meetingKind: 'careTeam', form: {} }, '2026-12-01');
    expect(w[0]).toMatch(/^Het aanmeldformulier is nog niet compleet: Wat is het probleem\?/);
    expect(w.some((x) => /toestemming van de ouders/.test(x))).toBe(true);
  });
});

describe('closing, status and rota', () => {
  it('closing needs the required verslag fields and each discussed case’s required outcome', () => {
    expect(closeProblems('groupDiscussion', {}, [])).toEqual([
      'Vul in het verslag in: Afspraken voor nieuw groepsplan.', 'Vul in het verslag in: Samenvatten van belangrijkste afspraken en besluiten.',
    ]);
    const cases = [{ name: 'Anna', kind: 'discussion' as const, outcome: {} }, { name: 'Bram', kind: 'announcement' as const, outcome: {} }];
    expect(closeProblems('pupilDiscussion', { summary: 'x' }, cases)).toEqual(['Vul bij Anna in: Afspraken.']);
    expect(closeProblems('careTeam', { summary: 'x' }, [{ name: 'Anna', kind: 'discussion', outcome: { summary: 'Evaluatie 1 maart' } }])).toEqual([]);
  });

  it('status transitions', () => {
    expect(canTransition('planned', 'held')).toBe(true);
    expect(canTransition('planned', 'closed')).toBe(false);
    expect(canTransition('planned', 'closed', true)).toBe(true); // its day has come
    expect(canTransition('held', 'closed')).toBe(true);
    expect(canTransition('closed', 'held')).toBe(true);
    expect(canTransition('cancelled', 'held')).toBe(false);
  });

  it('the rota takes turns: chair after the last chair, minute-taker the next one', () => {
    expect(nextFromRota([], [])).toEqual({ chairId: null, minuteTakerId: null });
    expect(nextFromRota([1, 2, 3], [])).toEqual({ chairId: 1, minuteTakerId: 2 });
    expect(nextFromRota([1, 2, 3], [{ chairId: 1, minuteTakerId: 2 }])).toEqual({ chairId: 2, minuteTakerId: 3 });
    expect(nextFromRota([1, 2, 3], [{ chairId: 2, minuteTakerId: 3 }, { chairId: 3, minuteTakerId: 1 }])).toEqual({ chairId: 1, minuteTakerId: 2 });
    expect(nextFromRota([1, 2, 3], [{ chairId: 9, minuteTakerId: null }])).toEqual({ chairId: 1, minuteTakerId: 2 });
    expect(nextFromRota([4], [{ chairId: 4, minuteTakerId: null }])).toEqual({ chairId: 4, minuteTakerId: null });
  });

  it('an action is overdue after its date until done', () => {
    expect(actionOverdue('2026-11-20', '2026-11-24', false)).toBe(true);
    expect(actionOverdue('2026-11-24', '2026-11-24', false)).toBe(false);
    expect(actionOverdue('2026-11-20', '2026-11-24', true)).toBe(false);
  });

  it('meeting warnings: checklist open, externals without consent, minutes incomplete after the date', () => {
    const w = meetingWarnings({ kind: 'groupDiscussion', status: 'planned', heldOn: '2026-11-20', today: '2026-11-24', checklistOpen: 3, externals: 1, blockingNames: ['Anna Bos'], blockingHidden: 1, minutes: {} });
    expect(w[0]).toBe('De voorbereiding is nog niet af: 3 punten van de checklist open.');
    expect(w[1]).toContain('Anna Bos, 1 andere leerling');
    expect(w[2]).toMatch(/^Het verslag is nog niet compleet/);
  });
});

describe('forms and checklist', () => {
  it('the Bijlage 17 checklist has seven rows and keeps the chair’s points', () => {
    expect(GROUP_CHECKLIST).toHaveLength(7);
    const view = checklistView('groupDiscussion', { clustering: { done: true, points: 'Drie groepen' } });
    expect(view.find((r) => r.key === 'clustering')).toMatchObject({ done: true, points: 'Drie groepen', title: 'Clusteren van leerlingen' });
    expect(checklistOpen('groupDiscussion', { clustering: { done: true, points: '' } })).toBe(6);
    expect(checklistView('careTeam', {})).toEqual([]);
    expect(unknownChecklistKeys('groupDiscussion', { nope: { done: true, points: '' } })).toEqual(['nope']);
  });

  it('the verslag follows Bijlage 16 for a groepsbespreking; Bijlage 20/22 for the care team', () => {
    expect(minutesFields('groupDiscussion').map((f) => f.label)).toEqual(expect.arrayContaining([
      'Vragen van docenten', 'Evalueren van het vorig groepsplan', 'Leerlingen die extra aandacht nodig hebben', 'Afspraken voor nieuw groepsplan',
      'Aanmelden bij intern zorgteam van school', 'Samenvatten van belangrijkste afspraken en besluiten', 'Ondersteuningsbehoeften docenten',
    ]));
    const care = caseForms('careTeam');
    expect(care.outcome).toHaveLength(12);
    expect(care.school.map((f) => f.label)).toContain('Wat is het probleem?');
    expect(care.parents.find((f) => f.key === 'parentQuestion')!.required).toBe(true);
    expect(missingRequired(care.school, { problem: 'x' }).map((f) => f.key)).toEqual(['pupilQuestion', 'teacherQuestion']);
    expect(unknownKeys(care.school, { problem: 'x', other: '', bogus: '' })).toEqual(['bogus']);
  });

  it('parents get only the outcome fields meant for them', () => {
    expect(publishedAgreements('pupilDiscussion', { notes: 'intern', agreements: 'Duolezen', goal: '', nextSteps: 'HP' })).toEqual([
      { label: 'Afspraken', text: 'Duolezen' }, { label: 'Vervolgstappen', text: 'HP' },
    ]);
    expect(publishedAgreements('careTeam', { analysis: 'intern', summary: 'Evaluatie in maart' })).toEqual([
      { label: 'Samenvatting van afspraken, besluiten en vervolgstappen', text: 'Evaluatie in maart' },
    ]);
  });
});
