// Builders for the support domain tests (not exported from index.ts): complete documents and goals to vary from.
import type { ActionPlanDoc, DevelopmentPerspectiveDoc, Goal, LevelEntry, ParentResponse } from './model';

export function goal(patch: Partial<Goal> = {}): Goal {
  return {
    key: 'g1',
    domain: 'technisch-lezen',
    what: 'leest een AVI-E5 tekst vlot voor',
    measure: 'AVI-toets',
    target: 'AVI-E5 beheersing',
    instrumentId: null,
    targetLevel: null,
    targetScore: null,
    dueOn: '2026-10-30',
    ownerId: null,
    result: null,
    resultNote: '',
    attainment: {},
    carriedFrom: null,
    ...patch,
  };
}

const organisation = { who: 'leerkracht', where: 'in de groep', when: 'di + do 10.30–11.00', frequency: '2× per week', minutesPerWeek: 40, place: 'inGroup' as const };

export function actionPlanDoc(patch: Partial<ActionPlanDoc> = {}): ActionPlanDoc {
  return {
    kind: 'actionPlan',
    format: 'crossSubject',
    subject: '',
    startsOn: '2026-09-07',
    endsOn: '2026-11-02',
    problem: 'Het tempo van technisch lezen blijft achter.',
    expectation: 'Haalt AVI-E5 aan het eind van groep 5.',
    needs: 'heeft behoefte aan verlengde instructie',
    goals: [goal()],
    content: 'Leesbegeleiding',
    approach: 'Connect lezen',
    organisation,
    evaluationPlan: { how: 'AVI-toets', who: 'leerkracht' },
    parentAgreements: 'Thuis 10 minuten per dag lezen.',
    evaluation: { summary: '', decision: null },
    ...patch,
  };
}

export function oppDoc(patch: Partial<DevelopmentPerspectiveDoc> = {}): DevelopmentPerspectiveDoc {
  return {
    kind: 'developmentPerspective',
    startsOn: '2026-09-01',
    endsOn: '2027-07-15',
    exitDestination: 'vmbo-kb',
    reasoning: 'De leerling leert in een eigen tempo; de resultaten wijzen op vmbo-kb.',
    hinderingFactors: [{ area: 'pupil', text: 'Korte spanningsboog' }],
    stimulatingFactors: [{ area: 'home', text: 'Betrokken ouders' }],
    needs: 'heeft behoefte aan korte opdrachten',
    support: 'Dagelijks 20 minuten rekenen buiten de groep.',
    deviations: 'Eigen leerlijn rekenen.',
    organisation,
    domains: [
      {
        key: 'd1',
        domain: 'rekenen-wiskunde',
        endGoal: 'Eind groep 8: niveau 1F rekenen',
        measure: 'dle',
        instrumentId: 3,
        growth: [{ on: '2026-09-01', value: 20 }, { on: '2027-07-01', value: 28 }],
        goals: [goal({ key: 'dg1', domain: 'rekenen-wiskunde', what: 'rekent sommen tot 100 met tientaloverschrijding', measure: 'methodetoets', target: '80 % goed', dueOn: '2027-01-31' })],
      },
    ],
    pupilVoice: { heard: true, heardOn: '2026-09-10', text: 'Ik wil graag beter leren rekenen.', notHeardReason: '' },
    involved: [{ name: 'J. Jansen', role: 'orthopedagoog', organisation: 'SWV' }],
    parentAgreements: '',
    ...patch,
  };
}

export function levelEntry(patch: Partial<LevelEntry> & { id: number; level: string; startsOn: string }): LevelEntry {
  return {
    endsOn: null,
    reason: '',
    question: '',
    decidedById: 1,
    decidedByName: 'IB',
    meeting: '',
    consentOn: null,
    consentNote: '',
    ...patch,
  };
}

export function response(patch: Partial<ParentResponse> & { id: number; guardianId: number; kind: ParentResponse['kind'] }): ParentResponse {
  return {
    versionNumber: 1,
    pupilId: 10,
    guardianName: `Ouder ${patch.guardianId}`,
    statement: '',
    method: 'digital',
    contentHash: 'abc',
    signedOn: '2026-11-20',
    recordedAt: `2026-11-20T10:00:0${patch.id % 10}Z`,
    recordedByName: `Ouder ${patch.guardianId}`,
    scanId: null,
    ...patch,
  };
}
