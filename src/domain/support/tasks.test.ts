import { describe, expect, it } from 'vitest';
import type { LevelWarning, Task, VersionSignatureState } from './model';
import { defaultSupportSettings } from './settings';
import { parentTasks, sortTasks, staffTasks, type TaskLevelFacts, type TaskPlanFacts } from './tasks';

const settings = defaultSupportSettings('po'); // reminderDays 14, OPP 6 weeks / 12 months
const today = '2026-11-24'; // horizon 2026-12-08
const [level2, level3, level4] = [settings.levels[1], settings.levels[2], settings.levels[3]];

function plan(patch: Partial<TaskPlanFacts> & { id: number }): TaskPlanFacts {
  return {
    kind: 'actionPlan',
    status: 'active',
    title: `Plan ${patch.id}`,
    startsOn: '2026-10-01',
    endsOn: '2027-03-01',
    decidedOn: null,
    lastEvaluatedOn: null,
    latestVersion: 1,
    pupils: [{ id: 10, name: 'Sanne de Vries' }],
    signatures: {},
    ...patch,
  };
}

function lvl(patch: Partial<TaskLevelFacts> & { pupilId: number; name: string }): TaskLevelFacts {
  return { level: level2, since: '2026-09-01', warnings: [], hasOpp: false, ...patch };
}

const state = (outstanding: boolean[]): VersionSignatureState => ({
  requirement: 'consent',
  guardians: outstanding.map((o, i) => ({ guardianId: i + 1, name: i === 0 ? 'Moeder' : 'Vader', response: null, outstanding: o })),
  complete: outstanding.every((o) => !o),
  objected: false,
});

const kinds = (ts: Task[]) => ts.map((t) => t.kind);

describe('staffTasks: handelingsplan evaluation', () => {
  it('evaluationDue when the end is within the reminder days, overdue after it', () => {
    const ts = staffTasks(settings, today, [
      plan({ id: 1, endsOn: '2026-12-08' }),
      plan({ id: 2, endsOn: '2026-12-09' }),
      plan({ id: 3, endsOn: '2026-11-23' }),
      plan({ id: 4, endsOn: '2026-11-24' }),
    ], [], []);
    expect(ts.map((t) => [t.kind, t.planId, t.overdue, t.dueOn])).toEqual([
      ['evaluationDue', 3, true, '2026-11-23'],
      ['evaluationDue', 4, false, '2026-11-24'],
      ['evaluationDue', 1, false, '2026-12-08'],
    ]);
    expect(ts[0].message).toContain('had op 23-11-2026 geëvalueerd moeten worden');
    expect(ts[2].message).toContain('uiterlijk 08-12-2026');
    expect(ts[2].params).toEqual({ title: 'Plan 1', endsOn: '2026-12-08' });
    expect(ts[2]).toMatchObject({ pupilId: 10, pupilName: 'Sanne de Vries' });
  });

  it('not for a draft, evaluated or closed handelingsplan, nor one without an end', () => {
    const ps = (['draft', 'evaluated', 'closed'] as const).map((status, i) => plan({ id: i + 1, status, endsOn: '2026-11-01', latestVersion: 0 }));
    expect(staffTasks(settings, today, [...ps, plan({ id: 9, endsOn: null })], [], [])).toEqual([]);
  });

  it('a plan for more pupils is one task naming them all', () => {
    const ts = staffTasks(settings, today, [plan({ id: 1, endsOn: '2026-12-01', pupils: [{ id: 12, name: 'Tim Bos' }, { id: 11, name: 'Anna Smit' }] })], [], []);
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({ pupilId: 11, pupilName: 'Anna Smit, Tim Bos' });
  });

  it('follows reminderDays', () => {
    const p = [plan({ id: 1, endsOn: '2026-12-01' })];
    expect(staffTasks({ ...settings, reminderDays: 0 }, today, p, [], [])).toEqual([]);
    expect(kinds(staffTasks({ ...settings, reminderDays: 7 }, today, p, [], []))).toEqual(['evaluationDue']);
  });
});

describe('staffTasks: OPP', () => {
  const opp = (patch: Partial<TaskPlanFacts> & { id: number }) => plan({ kind: 'developmentPerspective', startsOn: '2026-09-01', endsOn: '2027-07-15', ...patch });

  it('planExpiring for an active or evaluated OPP whose period ends', () => {
    const ts = staffTasks(settings, today, [
      opp({ id: 1, endsOn: '2026-12-01', lastEvaluatedOn: '2026-11-01' }),
      opp({ id: 2, status: 'evaluated', endsOn: '2026-11-20' }),
      opp({ id: 3, status: 'closed', endsOn: '2026-11-20' }),
      opp({ id: 4, endsOn: '2027-01-01' }),
    ], [], []);
    expect(ts.map((t) => [t.kind, t.planId, t.overdue])).toEqual([
      ['planExpiring', 2, true],
      ['planExpiring', 1, false],
    ]);
  });

  it('oppDeadline for a draft with a decision date: six weeks later', () => {
    const near = opp({ id: 1, status: 'draft', latestVersion: 0, decidedOn: '2026-10-20' }); // set by 2026-12-01
    const late = opp({ id: 2, status: 'draft', latestVersion: 0, decidedOn: '2026-10-01' }); // set by 2026-11-12
    const far = opp({ id: 3, status: 'draft', latestVersion: 0, decidedOn: '2026-11-20' }); // set by 2027-01-01
    const none = opp({ id: 4, status: 'draft', latestVersion: 0, decidedOn: null });
    const ts = staffTasks(settings, today, [near, late, far, none], [], []);
    expect(ts.map((t) => [t.kind, t.planId, t.dueOn, t.overdue])).toEqual([
      ['oppDeadline', 2, '2026-11-12', true],
      ['oppDeadline', 1, '2026-12-01', false],
    ]);
    expect(ts[1].params).toEqual({ title: 'Plan 1', setBy: '2026-12-01' });
  });

  it('oppYearlyEvaluation: twelve months after the start or the last evaluation', () => {
    const ts = staffTasks(settings, today, [
      opp({ id: 1, startsOn: '2025-12-01', endsOn: '2027-07-15' }), // due 2026-12-01
      opp({ id: 2, startsOn: '2025-09-01', lastEvaluatedOn: '2025-11-01', endsOn: '2027-07-15' }), // due 2026-11-01, overdue
      opp({ id: 3, startsOn: '2025-09-01', lastEvaluatedOn: '2026-06-01', endsOn: '2027-07-15' }), // due 2027-06-01
      opp({ id: 4, status: 'evaluated', startsOn: '2025-09-01', endsOn: '2027-07-15' }), // only active ones
    ], [], []);
    expect(ts.map((t) => [t.kind, t.planId, t.dueOn, t.overdue])).toEqual([
      ['oppYearlyEvaluation', 2, '2026-11-01', true],
      ['oppYearlyEvaluation', 1, '2026-12-01', false],
    ]);
    expect(ts[1].message).toContain('met de ouders');
  });

  it('oppDeadline for a pupil at an OPP level without an OPP, counted from the level start', () => {
    const ts = staffTasks(settings, today, [], [
      lvl({ pupilId: 20, name: 'Bram', level: level4, since: '2026-10-20' }), // set by 2026-12-01
      lvl({ pupilId: 21, name: 'Cas', level: level4, since: '2026-10-20', hasOpp: true }),
      lvl({ pupilId: 22, name: 'Dirk', level: level4, since: '2026-11-20' }), // set by 2027-01-01
      lvl({ pupilId: 23, name: 'Eva', level: level3, since: '2026-01-01' }),
    ], []);
    expect(ts).toEqual([
      expect.objectContaining({ kind: 'oppDeadline', pupilId: 20, planId: null, dueOn: '2026-12-01', overdue: false }),
    ]);
    expect(ts[0].message).toContain('stel uiterlijk 01-12-2026 een OPP vast');
  });

  it('a not-closed OPP in the plans (a draft too) counts as having one', () => {
    const draft = opp({ id: 5, status: 'draft', latestVersion: 0, decidedOn: null, pupils: [{ id: 20, name: 'Bram' }] });
    const ts = staffTasks(settings, today, [draft], [lvl({ pupilId: 20, name: 'Bram', level: level4, since: '2026-10-01' })], []);
    expect(ts).toEqual([]);
    const closed = { ...draft, status: 'closed' as const };
    expect(kinds(staffTasks(settings, today, [closed], [lvl({ pupilId: 20, name: 'Bram', level: level4, since: '2026-10-01' })], []))).toEqual(['oppDeadline']);
  });
});

describe('staffTasks: signatures', () => {
  it('signaturesOutstanding per pupil with outstanding guardians, undated', () => {
    const p = plan({
      id: 1,
      latestVersion: 2,
      pupils: [{ id: 10, name: 'Sanne' }, { id: 11, name: 'Daan' }, { id: 12, name: 'Eva' }],
      signatures: { 10: state([false, true]), 11: state([false, false]) },
    });
    const ts = staffTasks(settings, today, [p], [], []);
    expect(ts).toEqual([
      {
        kind: 'signaturesOutstanding', pupilId: 10, pupilName: 'Sanne', planId: 1, dueOn: null, overdue: false,
        params: { title: 'Plan 1', version: 2, count: 1, guardians: 'Vader' },
        message: 'Versie 2 van ‘Plan 1’ wacht nog op de reactie van Vader.',
      },
    ]);
  });

  it('not for a closed plan or one never published', () => {
    const sig = { 10: state([true]) };
    expect(staffTasks(settings, today, [plan({ id: 1, status: 'closed', signatures: sig })], [], [])).toEqual([]);
    expect(staffTasks(settings, today, [plan({ id: 2, status: 'draft', latestVersion: 0, signatures: sig })], [], [])).toEqual([]);
  });
});

describe('staffTasks: levels and candidates', () => {
  const cap: LevelWarning = { code: 'maxPeriods', level: '2', message: 'De leerling zit al 3 zorgperiodes op niveau 2.' };
  const perQ: LevelWarning = { code: 'maxPeriodsPerQuestion', level: '3', message: 'Al 2 periodes voor dezelfde hulpvraag.' };
  const consent: LevelWarning = { code: 'consentMissing', level: '4', message: 'Toestemming ontbreekt.' };
  const planMissing: LevelWarning = { code: 'planMissing', level: '3', message: 'Geen handelingsplan.' };

  it('levelCap and levelConsentMissing from the warnings, undated, with the warning text', () => {
    const ts = staffTasks(settings, today, [], [
      lvl({ pupilId: 1, name: 'Anna', warnings: [cap] }),
      lvl({ pupilId: 2, name: 'Bram', level: level3, warnings: [perQ, planMissing] }),
      lvl({ pupilId: 3, name: 'Cas', level: level4, hasOpp: true, warnings: [consent] }),
    ], []);
    expect(ts.map((t) => [t.kind, t.pupilName, t.message])).toEqual([
      ['levelCap', 'Anna', cap.message],
      ['levelCap', 'Bram', perQ.message],
      ['levelConsentMissing', 'Cas', consent.message],
    ]);
    expect(ts[1].params).toEqual({ level: level3.label, rule: 'maxPeriodsPerQuestion' });
  });

  it('oppCandidate only for candidates without an OPP and with reasons', () => {
    const ts = staffTasks(
      settings,
      today,
      [plan({ id: 1, kind: 'developmentPerspective', status: 'active', pupils: [{ id: 31, name: 'Bob' }], startsOn: '2026-09-01', endsOn: '2027-07-01' })],
      [lvl({ pupilId: 32, name: 'Cor', hasOpp: true })],
      [
        { pupilId: 30, name: 'Ada', reasons: ['Achterstand van 20 weken.', 'Drie keer laag'] },
        { pupilId: 31, name: 'Bob', reasons: ['Achterstand'] },
        { pupilId: 32, name: 'Cor', reasons: ['Achterstand'] },
        { pupilId: 33, name: 'Dik', reasons: [] },
      ],
    );
    expect(ts).toEqual([
      {
        kind: 'oppCandidate', pupilId: 30, pupilName: 'Ada', planId: null, dueOn: null, overdue: false,
        params: { reasons: 'Achterstand van 20 weken; Drie keer laag' },
        message: 'Bespreek of Ada een OPP nodig heeft: Achterstand van 20 weken; Drie keer laag.',
      },
    ]);
  });
});

describe('staffTasks: one of each kind, sorted', () => {
  it('overdue first, then by date, undated last by pupil name', () => {
    const ts = staffTasks(
      settings,
      today,
      [
        plan({ id: 1, endsOn: '2026-11-30', pupils: [{ id: 1, name: 'Zoë' }] }),
        plan({ id: 2, kind: 'developmentPerspective', endsOn: '2026-11-20', startsOn: '2026-09-01', pupils: [{ id: 2, name: 'Yara' }], signatures: { 2: state([true]) } }),
      ],
      [lvl({ pupilId: 3, name: 'Anna', warnings: [{ code: 'maxPeriods', level: '2', message: 'cap' }] })],
      [{ pupilId: 4, name: 'Bram', reasons: ['r'] }],
    );
    expect(ts.map((t) => [t.kind, t.pupilName])).toEqual([
      ['planExpiring', 'Yara'],
      ['evaluationDue', 'Zoë'],
      ['levelCap', 'Anna'],
      ['oppCandidate', 'Bram'],
      ['signaturesOutstanding', 'Yara'],
    ]);
  });
});

describe('sortTasks', () => {
  const t = (patch: Partial<Task>): Task => ({ kind: 'levelCap', pupilId: 1, pupilName: 'A', planId: null, dueOn: null, overdue: false, params: {}, message: '', ...patch });
  it('orders overdue, then dueOn with nulls last, then name, then kind', () => {
    const sorted = sortTasks([
      t({ pupilName: 'B' }),
      t({ dueOn: '2026-12-01', pupilName: 'C' }),
      t({ dueOn: '2026-11-01', overdue: true, pupilName: 'D' }),
      t({ dueOn: '2026-11-30', pupilName: 'E' }),
      t({ pupilName: 'A', kind: 'oppCandidate' }),
      t({ pupilName: 'A', kind: 'evaluationDue' }),
    ]);
    expect(sorted.map((x) => `${x.pupilName}:${x.kind}`)).toEqual(['D:levelCap', 'E:levelCap', 'C:levelCap', 'A:evaluationDue', 'A:oppCandidate', 'B:levelCap']);
  });
});

describe('parentTasks', () => {
  it('signatureRequested per waiting version, asking instemming for an OPP and a reaction for a handelingsplan', () => {
    const ts = parentTasks(today, [
      { pupilId: 10, name: 'Sanne', planId: 1, title: 'OPP 2026-2027', kind: 'developmentPerspective', versionNumber: 2, publishedOn: '2026-11-20' },
      { pupilId: 11, name: 'Daan', planId: 2, title: 'HP lezen', kind: 'actionPlan', versionNumber: 1, publishedOn: '2026-11-22' },
    ]);
    expect(ts.map((t) => [t.kind, t.pupilName, t.planId, t.dueOn, t.overdue])).toEqual([
      ['signatureRequested', 'Daan', 2, null, false],
      ['signatureRequested', 'Sanne', 1, null, false],
    ]);
    expect(ts[1].message).toBe('Versie 2 van het OPP ‘OPP 2026-2027’ van Sanne (gedeeld op 20-11-2026) wacht op uw instemming.');
    expect(ts[0].message).toContain('wacht op uw reactie');
    expect(ts[1].params).toEqual({ title: 'OPP 2026-2027', version: 2, planKind: 'developmentPerspective', publishedOn: '2026-11-20' });
  });

  it('nothing waiting, no tasks', () => {
    expect(parentTasks(today, [])).toEqual([]);
  });
});
