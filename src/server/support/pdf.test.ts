import { describe, expect, it } from 'vitest';
import { pdfPageSizes, pdfText } from '../../../tests/support/pdf-text';
import { emptyGoal } from '../../domain/group-cycle/blank';
import type { ActionPlanDoc, DevelopmentPerspectiveDoc, ParentResponse, VersionSignatureState } from '../../domain/support/model';
import type { PlanVersionView } from '../../domain/support/views';
import { renderSupportPlanPdf, type SupportPdfInput } from './pdf';

// pdfjs may break a phrase over lines inside a table cell; compare text with all whitespace removed.
const squash = (s: string) => s.replace(/\s+/g, '');

const HASH = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const ORGANISATION = { who: 'leerkracht en RT\'er', where: 'instructietafel', when: 'di en do 10.30–11.00', frequency: '2× per week 20 minuten', minutesPerWeek: 40, place: 'both' as const };

function actionPlan(over: Partial<ActionPlanDoc> = {}): ActionPlanDoc {
  return {
    kind: 'actionPlan', format: 'subject', subject: 'spelling', startsOn: '2026-11-02', endsOn: '2026-12-21',
    problem: 'Maakt veel fouten bij verdubbelen en verenkelen.', expectation: 'Eind groep 8 spellingniveau III.',
    needs: 'Heeft een korte verlengde instructie nodig met voordoen.',
    goals: [{ ...emptyGoal('g1', 'spelling', '2026-12-18', 'Schrijft woorden met verdubbeling foutloos'), measure: 'dictee van 20 woorden', target: '18 van 20 goed' }],
    content: 'Spellingcategorie 5 en 6 extra oefenen.', approach: 'Hardop denken, voordoen, samen doen, zelf doen.',
    organisation: ORGANISATION, evaluationPlan: { how: 'Methodedictee', who: 'leerkracht met de IB\'er' },
    parentAgreements: 'Thuis tien minuten per dag oefenen met de woordkaartjes.',
    evaluation: { summary: '', decision: null }, ...over,
  };
}

function opp(over: Partial<DevelopmentPerspectiveDoc> = {}): DevelopmentPerspectiveDoc {
  return {
    kind: 'developmentPerspective', startsOn: '2026-10-01', endsOn: '2027-07-15', exitDestination: 'vmbo-kb',
    reasoning: 'Leerrendement rond 60 % bij rekenen en lezen sinds groep 4.',
    hinderingFactors: [{ area: 'pupil', text: 'Werkgeheugen is zwak.' }],
    stimulatingFactors: [{ area: 'home', text: 'Ouders oefenen dagelijks mee.' }],
    needs: 'Visuele ondersteuning bij instructie.', support: 'Twee keer per week RT buiten de groep.',
    deviations: 'Eigen leerlijn rekenen vanaf blok 3.', organisation: ORGANISATION,
    domains: [{
      key: 'd1', domain: 'rekenen-wiskunde', endGoal: 'Rekenen op niveau 1F eind groep 8.', measure: 'dle', instrumentId: null,
      growth: [{ on: '2027-06-15', value: 38.5 }, { on: '2027-01-20', value: 33 }],
      goals: [{ ...emptyGoal('t1', 'rekenen-wiskunde', '2027-01-29', 'Kent de tafels 1 t/m 5 geautomatiseerd'), measure: 'tempotoets', target: '40 sommen in 3 minuten' }],
    }],
    pupilVoice: { heard: true, heardOn: '2026-09-28', text: 'Ik wil graag beter leren rekenen met geld.', notHeardReason: '' },
    involved: [{ name: 'Petra Smit', role: 'orthopedagoog', organisation: 'Samenwerkingsverband De Delta' }],
    parentAgreements: 'Elke zes weken een gesprek.', ...over,
  };
}

function response(over: Partial<ParentResponse> = {}): ParentResponse {
  return {
    id: 1, versionNumber: 1, pupilId: 7, guardianId: 11, guardianName: 'Olga Jansen', kind: 'consent', statement: '', method: 'digital',
    contentHash: HASH, signedOn: '2026-11-20', recordedAt: '2026-11-20T10:00:00.000Z', recordedByName: 'Olga Jansen', scanId: null, ...over,
  };
}

const GUARDIANS = [
  { id: 11, name: 'Olga Jansen', hasAuthority: true },
  { id: 12, name: 'Kees Jansen', hasAuthority: true },
  { id: 13, name: 'Stiefvader Bos', hasAuthority: false },
];

function state(requirement: VersionSignatureState['requirement'], responses: ParentResponse[]): VersionSignatureState {
  const guardians = GUARDIANS.filter((g) => g.hasAuthority).map((g) => {
    const r = responses.find((x) => x.guardianId === g.id && x.kind !== 'comment') ?? null;
    return { guardianId: g.id, name: g.name, response: r, outstanding: requirement !== 'none' && r == null };
  });
  return { requirement, guardians, complete: guardians.every((g) => g.response?.kind === 'consent' || g.response?.kind === 'agree'), objected: false };
}

function input(doc: ActionPlanDoc | DevelopmentPerspectiveDoc, responses: ParentResponse[], over: Partial<SupportPdfInput> = {}): SupportPdfInput {
  const requirement = over.requirement ?? (doc.kind === 'developmentPerspective' ? 'consent' : 'agreement');
  const version: PlanVersionView = {
    number: 2, doc, title: doc.kind === 'actionPlan' ? 'Handelingsplan spelling' : 'OPP rekenen en lezen', contentHash: HASH,
    publishedAt: '2026-11-18T09:30:00.000Z', publishedBy: { id: 5, name: 'Ingrid Begeleider' }, responses, signatures: state(requirement, responses),
  };
  return {
    schoolName: 'Basisschool De Meerpaal', pupilLabel: 'Sanne de Vries', plan: { kind: doc.kind, title: version.title, status: 'active' },
    version, requirement, guardians: GUARDIANS, generatedOn: '2026-11-24', ...over,
  };
}

describe('renderSupportPlanPdf', () => {
  it('prints a vakspecifiek handelingsplan with the Bijlage 13 rows, the version line and blank signature lines, on A4 portrait', async () => {
    const buf = await renderSupportPlanPdf(input(actionPlan(), []));
    const text = await pdfText(buf);
    const flat = squash(text);
    for (const expected of [
      'Basisschool De Meerpaal', 'Handelingsplan spelling', 'Handelingsplan vakspecifiek – Spelling', 'Sanne de Vries',
      'Versie 2 — gepubliceerd 18-11-2026 door Ingrid Begeleider', 'a1b2c3d4e5f6', 'Looptijd', '02-11-2026 t/m 21-12-2026',
      'Leerrendementsverwachting voor het vak (lange termijn)', 'Onderwijsbehoeften (vakspecifiek)', 'Doelen', 'Inhoud (wat)',
      'Aanpak/methodiek (hoe)', 'Organisatie (wie en wanneer)', 'Afspraken met ouders', 'Schrijft woorden met verdubbeling foutloos',
      '18 van 20 goed', 'in en buiten de groep', 'Ondertekening', 'voor akkoord', 'Olga Jansen', 'Kees Jansen', 'Handtekening',
      'Namens de school', 'Afgedrukt op 24-11-2026', 'Vertrouwelijk – Basisschool De Meerpaal',
    ]) expect(flat, expected).toContain(squash(expected));
    // Only parents with gezag sign; the full hash is not printed (the short form is enough to compare).
    expect(flat).not.toContain('StiefvaderBos');
    expect(flat).not.toContain(HASH);
    expect(flat.split('Handtekening:').length - 1).toBe(2);
    // No evaluation section before the plan is evaluated.
    expect(flat).not.toContain(squash('Evaluatie (na afronding'));
    const sizes = await pdfPageSizes(buf);
    for (const s of sizes) {
      expect(Math.round(s.width)).toBe(595);
      expect(Math.round(s.height)).toBe(842);
    }
  });

  it('prints the vakoverstijgende labels, the evaluation and a given akkoord and niet akkoord with zienswijze', async () => {
    const doc = actionPlan({
      format: 'crossSubject', subject: '',
      goals: [{ ...emptyGoal('g1', 'workAttitude', '2026-12-18', 'Begint binnen twee minuten aan de taak'), result: 'partly', resultNote: 'Lukt in de ochtend.' }],
      evaluation: { summary: 'Vooruitgang, nog niet stabiel.', decision: 'followUp' },
    });
    const responses = [
      response({ kind: 'agree' }),
      response({ id: 2, guardianId: 12, guardianName: 'Kees Jansen', kind: 'disagree', statement: 'Te weinig tijd buiten de groep.', method: 'paper', recordedByName: 'Ingrid Begeleider', signedOn: '2026-11-21' }),
      response({ id: 3, kind: 'comment', statement: 'Graag ook aandacht voor plannen thuis.', signedOn: '2026-11-22' }),
    ];
    const flat = squash(await pdfText(await renderSupportPlanPdf(input(doc, responses))));
    for (const expected of [
      'Handelingsplan vakoverstijgend', 'Ontwikkelingsperspectief', 'Onderwijsbehoeften (vakoverstijgend)', 'Doelen/gewenst gedrag',
      'Evaluatie (na afronding van het handelingsplan)', 'deels behaald', 'Vooruitgang, nog niet stabiel.', 'Vervolgplan',
      'Akkoord — Olga Jansen, 20-11-2026, digitaal', 'Niet akkoord — Kees Jansen, 21-11-2026, op papier', 'Te weinig tijd buiten de groep.',
      'Vastgelegd door Ingrid Begeleider.', 'Zienswijzen van ouders', 'Graag ook aandacht voor plannen thuis.',
    ]) expect(flat, expected).toContain(squash(expected));
    expect(flat).not.toContain('Handtekening:');
  });

  it('prints an OPP with exit destination, factors, handelingsdeel, the growth line as a table, pupil voice and the consent given', async () => {
    const buf = await renderSupportPlanPdf(input(opp(), [response()]));
    const text = await pdfText(buf);
    const flat = squash(text);
    for (const expected of [
      'Ontwikkelingsperspectiefplan (OPP)', 'OPP rekenen en lezen', 'Uitstroombestemming', 'vmbo kaderberoepsgerichte leerweg',
      'Onderbouwing', 'Leerrendement rond 60 %', 'Belemmerende factoren', 'Leerling: Werkgeheugen is zwak.', 'Bevorderende factoren',
      'Thuis: Ouders oefenen dagelijks mee.', 'Begeleiding en ondersteuning', 'Twee keer per week RT buiten de groep.',
      'Afwijkingen van het onderwijsprogramma', 'Eigen leerlijn rekenen vanaf blok 3.', 'Ontwikkelingsgebied: Rekenen-wiskunde',
      'Eindniveau', 'Groeilijn', 'Datum', 'Gepland (DLE)', '20-01-2027', '33', '15-06-2027', '38,5', 'Tussendoelen',
      'Kent de tafels 1 t/m 5 geautomatiseerd', 'Inbreng van de leerling', 'Gehoord op', '28-09-2026', 'Ik wil graag beter leren rekenen met geld.',
      'Betrokkenen', 'Petra Smit', 'orthopedagoog', 'Samenwerkingsverband De Delta', 'instemming', 'handelingsdeel',
      'Instemming gegeven — Olga Jansen, 20-11-2026, digitaal',
    ]) expect(flat, expected).toContain(squash(expected));
    // The growth line in date order: January before June.
    expect(flat.indexOf('20-01-2027')).toBeLessThan(flat.indexOf('15-06-2027'));
    // The other parent with gezag has not responded: blank lines for paper.
    expect(flat).toContain(squash('Naam: Kees Jansen'));
    expect(flat.split('Handtekening:').length - 1).toBe(1);
  });

  it('prints why the pupil was not heard, a refusal, and never names the pupils of a plan for more pupils', async () => {
    const doc = opp({ pupilVoice: { heard: false, heardOn: null, text: '', notHeardReason: 'Leerling is vier jaar; via observatie.' }, exitDestination: null, domains: [] });
    const responses = [response({ kind: 'refuse', statement: 'Wij willen eerst een onderzoek.' }), response({ id: 2, guardianId: 12, guardianName: 'Kees Jansen', kind: 'consent' })];
    const flat = squash(await pdfText(await renderSupportPlanPdf(input(doc, responses, { pupilLabel: '3 leerlingen' }))));
    for (const expected of [
      'De leerling is niet gehoord.', 'Leerling is vier jaar; via observatie.', 'Geen instemming — Olga Jansen', 'Wij willen eerst een onderzoek.',
      'Instemming gegeven — Kees Jansen', '3 leerlingen',
    ]) expect(flat, expected).toContain(squash(expected));
    expect(flat).not.toContain('SannedeVries');
  });

  it('says no signature is asked when the school does not ask one, with no signature lines', async () => {
    const flat = squash(await pdfText(await renderSupportPlanPdf(input(actionPlan(), [], { requirement: 'none' }))));
    expect(flat).toContain(squash('Voor dit plan vraagt de school geen handtekening van de ouders'));
    expect(flat).not.toContain('Handtekening:');
    expect(flat).toContain(squash('Ingrid Begeleider, Basisschool De Meerpaal — gepubliceerd op 18-11-2026'));
  });
});
