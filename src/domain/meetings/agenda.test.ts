import { describe, expect, it } from 'vitest';
import { agendaPoints, CARE_TEAM_CASE_POINTS, defaultAgenda, defaultTitle, emptyAgendaFacts, kindLabel, type AgendaFacts } from './agenda';
import { CARE_TEAM_AGENDA_KEYS, GROUP_AGENDA_KEYS, PUPIL_DISCUSSION_AGENDA_KEYS } from './model';
import { defaultMeetingSettings } from './settings';

const po = defaultMeetingSettings('po');
const vo = defaultMeetingSettings('vo');

describe('defaultAgenda', () => {
  it('a VO groepsbespreking follows Bijlage 15 with results, teachers’ support needs and "Wat betekent dit voor mijn eigen vak?"', () => {
    const items = defaultAgenda('groupDiscussion', vo, 'vo');
    expect(items.map((i) => i.key)).toEqual([...GROUP_AGENDA_KEYS]);
    expect(items.map((i) => i.title)).toEqual(expect.arrayContaining([
      'Inventariseren vragen docenten', 'Evalueren van het vorig groepsplan', 'Aandachtspunten voor de hele groep',
      'Signaleren van leerlingen die extra aandacht nodig hebben', 'Clusteren van leerlingen', 'Wat betekent dit voor mijn eigen vak?',
      'Inventariseren van ondersteuningsbehoeften van docenten',
    ]));
    expect(items.find((i) => i.key === 'previousPlan')!.guidance).toMatch(/Zijn de gestelde doelen bereikt\?/);
    expect(items.every((i) => i.note === '' && i.guidance.length > 20)).toBe(true);
  });

  it('a PO groepsbespreking leaves out the subject item and spreads the school’s 60 minutes over the items', () => {
    const items = defaultAgenda('groupDiscussion', po, 'po');
    expect(items.map((i) => i.key)).not.toContain('ownSubject');
    expect(items).toHaveLength(GROUP_AGENDA_KEYS.length - 1);
    const total = items.reduce((s, i) => s + (i.minutes ?? 0), 0);
    expect(total).toBe(60);
    expect(items.find((i) => i.key === 'previousPlan')!.minutes).toBeGreaterThan(items.find((i) => i.key === 'wholeGroup')!.minutes!);
    expect(items.every((i) => (i.minutes ?? 0) >= 5)).toBe(true);
  });

  it('a care-team meeting discusses each case along the twelve points of Bijlage 21, under the school’s name', () => {
    const items = defaultAgenda('careTeam', { ...po, careTeamName: 'SOT' }, 'po');
    expect(items.map((i) => i.key)).toEqual([...CARE_TEAM_AGENDA_KEYS]);
    const cases = items.find((i) => i.key === 'cases')!;
    for (const point of CARE_TEAM_CASE_POINTS) expect(cases.guidance).toContain(point);
    expect(items[0].guidance).toContain('SOT');
  });

  it('a leerlingbespreking (seed 002 §5.3) names the days before for the form', () => {
    const items = defaultAgenda('pupilDiscussion', { ...po, caseFormDaysBefore: 2 }, 'po');
    expect(items.map((i) => i.key)).toEqual([...PUPIL_DISCUSSION_AGENDA_KEYS]);
    expect(items.find((i) => i.key === 'cases')!.guidance).toContain('uiterlijk 2 dagen van tevoren');
  });

  it('titles and kind labels', () => {
    expect(defaultTitle('groupDiscussion', po, 'groep 5')).toBe('Groepsbespreking groep 5');
    expect(defaultTitle('careTeam', { ...po, careTeamName: 'zorgteam' }, null)).toBe('Zorgteam');
    expect(kindLabel('careTeam', { ...vo, careTeamName: 'ZAT' })).toBe('ZAT');
  });
});

describe('agendaPoints', () => {
  const facts: AgendaFacts = {
    ...emptyAgendaFacts(), groupId: 7, overviewId: 11,
    previousPlans: [{ id: 3, title: 'Groepsplan Periode 1', status: 'evaluated', goals: 4, achieved: 2, partly: 1, notAchieved: 1, teacherSupport: 'Coaching bij instructie' }],
    results: [{ instrument: 'Rekenen', takenOn: '2026-06-10', tested: 20, atNorm: 15 }],
    signalled: [{ pupilId: 1, name: 'Anna Bos', reasons: ['leerachterstand'] }], hiddenSignalled: 2,
    needsDraft: [{ pupilId: 1, name: 'Anna Bos' }],
    clusters: [{ key: 'intensief', label: 'Intensief', members: 4 }],
    cases: [{ caseId: 9, pupilId: 1, name: 'Anna Bos', kind: 'discussion', question: 'Lezen' }, { caseId: 10, pupilId: 2, name: 'Bram Kok', kind: 'announcement', question: '' }],
    hiddenCases: 1,
    referrals: [{ caseId: 12, pupilId: 1, name: 'Anna Bos', meetingKindLabel: 'het zorgteam', heldOn: '2026-12-10' }],
    questions: [{ id: 1, kind: 'question', text: 'Hoe verlengde instructie?', author: 'Lotte' }, { id: 2, kind: 'supportNeed', text: 'Klassenbezoek', author: 'Lotte' }],
    openActions: [{ actionId: 5, description: 'Klassenbezoek plannen', owner: 'IB', dueOn: '2026-11-01', overdue: true }],
  };

  it('builds the groepsbespreking’s data points from the facts, with links', () => {
    expect(agendaPoints('groupDiscussion', 'previousPlan', facts)).toEqual([
      { kind: 'planEvaluation', href: '/groepsplannen/3', text: 'Groepsplan Periode 1: geëvalueerd — 2 van de 4 doelen gehaald, 1 deels, 1 niet.' },
    ]);
    expect(agendaPoints('groupDiscussion', 'results', facts)[0].text).toBe('Rekenen (10-06-2026): 15 van de 20 leerlingen op of boven de norm (75%).');
    const signalled = agendaPoints('groupDiscussion', 'signalledPupils', facts);
    expect(signalled[0]).toMatchObject({ kind: 'signalledPupil', pupilId: 1, text: 'Anna Bos (leerachterstand)', href: '/groepsoverzichten/11' });
    expect(signalled[1]).toEqual({ kind: 'info', text: '2 gesignaleerde leerlingen die u niet kunt inzien.' });
    expect(agendaPoints('groupDiscussion', 'needs', facts)[0].kind).toBe('needsDraft');
    expect(agendaPoints('groupDiscussion', 'clustering', facts)[0]).toMatchObject({ kind: 'cluster', text: 'Intensief: 4 leerlingen', href: '/groepsoverzichten/11/clusters' });
    expect(agendaPoints('groupDiscussion', 'teacherQuestions', facts)).toEqual([{ kind: 'question', text: 'Lotte: Hoe verlengde instructie?' }]);
    const support = agendaPoints('groupDiscussion', 'teacherSupport', facts);
    expect(support.map((p) => p.kind)).toEqual(['supportNeed', 'supportNeed']);
    expect(support[1].text).toContain('Coaching bij instructie');
    const referrals = agendaPoints('groupDiscussion', 'referrals', facts);
    expect(referrals.some((p) => p.text === 'Anna Bos: aangemeld voor het zorgteam van 10-12-2026.')).toBe(true);
  });

  it('for a participant who may not see the group’s care data, the group’s points say so; the meeting’s own questions stay', () => {
    const f: AgendaFacts = { ...facts, previousPlans: [], results: [], signalled: [], hiddenSignalled: 0, needsDraft: [], clusters: [], referrals: [], groupDataHidden: true };
    const why = { kind: 'info', text: 'De gegevens van deze groep zijn voor u niet zichtbaar: alleen wie bij de groep betrokken is, ziet ze.' };
    for (const key of ['previousPlan', 'results', 'signalledPupils', 'needs', 'clustering', 'actionsReview']) {
      expect(agendaPoints('groupDiscussion', key, f)).toEqual([why]);
    }
    expect(agendaPoints('groupDiscussion', 'teacherSupport', f)).toEqual([{ kind: 'supportNeed', text: 'Lotte: Klassenbezoek' }, why]);
    expect(agendaPoints('groupDiscussion', 'teacherQuestions', f)).toEqual([{ kind: 'question', text: 'Lotte: Hoe verlengde instructie?' }]);
    // The meeting's own cases the viewer may see stay under "Aanmeldingen", with the count of the others.
    expect(agendaPoints('groupDiscussion', 'referrals', f).map((p) => p.text)).toEqual(['Anna Bos: Lezen', 'Bram Kok', '1 andere leerling aangemeld (niet zichtbaar voor u).', why.text]);
    // Other meeting kinds are not group documents: their action review is unchanged.
    expect(agendaPoints('careTeam', 'actionsReview', f)).toHaveLength(1);
  });

  it('lists the ticked pupils one by one and the unticked ones with test signals on one line; another group’s data is named', () => {
    const f: AgendaFacts = {
      ...emptyAgendaFacts(), groupId: 7, overviewNote: 'Nog geen groepsoverzicht van deze groep; gegevens uit het groepsoverzicht van groep 4.',
      signalled: [
        { pupilId: 1, name: 'Anna Bos', reasons: ['leerachterstand'], ticked: true },
        { pupilId: 2, name: 'Bram Kok', reasons: ['zorgsignaal spelling'], ticked: false },
        { pupilId: 3, name: 'Cas Dekker', reasons: ['zorgsignaal rekenen-wiskunde'], ticked: false },
      ],
      previousPlans: [{ id: 4, title: 'Groepsplan 2e helft van groep 4 2025-2026', status: 'active', goals: 3, achieved: 0, partly: 0, notAchieved: 0, teacherSupport: '', own: false }],
    };
    const points = agendaPoints('groupDiscussion', 'signalledPupils', f);
    expect(points.map((p) => p.text)).toEqual([
      'Nog geen groepsoverzicht van deze groep; gegevens uit het groepsoverzicht van groep 4.',
      'Anna Bos (leerachterstand)',
      'Niet aangekruist, wel signalen uit de toetsen (2): Bram Kok, Cas Dekker.',
    ]);
    const plan = agendaPoints('groupDiscussion', 'previousPlan', f)[0];
    expect(plan).toMatchObject({ kind: 'planEvaluation', text: 'Groepsplan 2e helft van groep 4 2025-2026: nog niet geëvalueerd (3 doelen).' });
    expect(plan.href).toBeUndefined();
  });

  it('says so when there is nothing (no plan, no results, no overview)', () => {
    const none = { ...emptyAgendaFacts(), groupId: 7 };
    expect(agendaPoints('groupDiscussion', 'previousPlan', none)[0]).toEqual({ kind: 'info', text: 'Er is geen vorig groepsplan van deze groep.' });
    expect(agendaPoints('groupDiscussion', 'results', none)[0].kind).toBe('info');
    expect(agendaPoints('groupDiscussion', 'signalledPupils', none)[0].text).toBe('Er is nog geen groepsoverzicht voor deze groep.');
    expect(agendaPoints('groupDiscussion', 'custom-1', none)).toEqual([]);
  });

  it('a leerlingbespreking splits discussed pupils from announcements and counts the hidden ones', () => {
    const cases = agendaPoints('pupilDiscussion', 'cases', facts);
    expect(cases.map((p) => p.kind)).toEqual(['case', 'info']);
    expect(cases[0]).toMatchObject({ caseId: 9, text: 'Anna Bos: Lezen' });
    expect(cases[1].text).toBe('1 andere leerling aangemeld (niet zichtbaar voor u).');
    expect(agendaPoints('pupilDiscussion', 'announcements', facts).map((p) => p.caseId)).toEqual([10]);
    expect(agendaPoints('careTeam', 'actionsReview', facts)[0]).toMatchObject({ kind: 'openAction', actionId: 5, text: 'Klassenbezoek plannen (IB, verlopen op 01-11-2026)' });
  });
});
