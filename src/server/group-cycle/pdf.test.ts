import { describe, expect, it } from 'vitest';
import { pdfPageSizes, pdfText } from '../../../tests/support/pdf-text';
import type { Goal, OverviewLineFields, PlanRow } from '../../domain/group-cycle/model';
import { renderOverviewPdf, renderPlanPdf, type OverviewPdfInput, type PlanPdfInput } from './pdf';

// ----- fixture builders -----

function fields(over: Partial<OverviewLineFields> = {}): OverviewLineFields {
  return {
    signalled: false, signalReasons: [], stimulating: '', hindering: '', observations: '', pupilVoice: '', parentVoice: '',
    particulars: '', needs: [], ...over,
  };
}

type Line = OverviewPdfInput['lines'][number];

function line(name: string, over: Partial<Line> = {}): Line {
  return { name, signalled: false, signalReasons: [], cluster: 'Basis', results: [], signals: [], fields: fields(), ...over };
}

function overview(over: Partial<OverviewPdfInput> = {}): OverviewPdfInput {
  return {
    schoolName: 'OBS De Vlieger',
    groupName: 'Groep 5a',
    periodName: 'Periode 1',
    periodRange: '01-08-2026 t/m 31-01-2027',
    form: 'crossSubject',
    subjectLabel: null,
    staff: ['Marieke de Boer'],
    printedOn: '24-11-2026',
    attentionPoints: 'Rust bij de overgangen tussen de lessen.',
    clusters: [{ key: 'intensief', label: 'Intensief' }, { key: 'basis', label: 'Basis' }, { key: 'verrijkt', label: 'Verrijkt' }],
    instruments: [{ id: 1, name: 'DMT' }, { id: 2, name: 'Cito Spelling' }],
    lines: [],
    ...over,
  };
}

function goal(over: Partial<Goal> = {}): Goal {
  return {
    key: 'g1', domain: 'spelling', what: 'schrijft woorden met -heid foutloos', measure: 'dictee van 20 woorden', target: '18 van 20 goed',
    instrumentId: null, targetLevel: null, targetScore: null, dueOn: '2027-01-29', ownerId: null, result: null, resultNote: '',
    attainment: {}, carriedFrom: null, ...over,
  };
}

function row(over: Partial<PlanRow> = {}): PlanRow {
  return {
    key: 'r1', kind: 'cluster', clusterKey: 'intensief', pupilId: null, theme: '', goals: [], content: '', approach: '',
    organisation: { minutesPerWeek: null, who: '', where: '', moments: '' }, evaluationPlan: { who: '', how: '', when: null },
    ...over,
  };
}

function plan(over: Partial<PlanPdfInput> = {}): PlanPdfInput {
  return {
    schoolName: 'OBS De Vlieger', groupName: 'Groep 5a', periodName: 'Periode 1', periodRange: '01-08-2026 t/m 31-01-2027',
    format: 'convergent', status: 'Actief', revision: 1, staff: ['Marieke de Boer'], printedOn: '24-11-2026', attentionPoints: '',
    rows: [], reflection: null, notes: [], ...over,
  };
}

const LONG = 'De leerling werkt geconcentreerd zolang de opdracht kort en overzichtelijk is, maar raakt afgeleid bij lange teksten. ';

// pdfjs may break a phrase over lines inside a table cell; compare text with all whitespace removed.
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderOverviewPdf', () => {
  it('prints school, group, period, pupils, needs and the Bijlage 3 column headers on landscape pages', async () => {
    const buf = await renderOverviewPdf(overview({
      lines: [
        line('Noëlle Koçak', {
          signalled: true, signalReasons: ['Leerachterstand'], cluster: 'Intensief',
          results: [{ instrumentId: 1, text: 'M5 V (30)', belowNorm: true }, { instrumentId: 2, text: 'M5 III (45)', belowNorm: false }],
          fields: fields({
            signalled: true, stimulating: 'Werkt graag samen.', particulars: 'Dyslexieverklaring',
            needs: [{ key: 'n1', domain: 'technisch-lezen', goal: 'leest een AVI-E5 tekst vlot', needs: 'een instructie nodig die kort en duidelijk is', phrases: [] }],
          }),
        }),
        line('Bram Jansen'),
      ],
    }));
    const text = await pdfText(buf);
    const flat = squash(text);
    for (const expected of [
      'OBS De Vlieger', 'Groepsoverzicht vakoverstijgend', 'Groep 5a', 'Periode 1', 'Marieke de Boer', 'Noëlle Koçak', 'Bram Jansen',
      'leest een AVI-E5 tekst vlot', 'een instructie nodig die kort en duidelijk is', 'Dyslexieverklaring', 'M5 V (30)', 'M5 III (45)',
      'Namen leerlingen', 'DMT', 'Cito Spelling', 'Uitkomsten observaties en gesprekken met leerlingen/ouders', 'Bijzonderheden',
      'Onderwijsbehoeften', 'Instructiegroep', 'Aandachtspunten voor de hele groep', 'Rust bij de overgangen tussen de lessen.',
      'Vertrouwelijk – OBS De Vlieger', 'Pagina 1 van 1',
    ]) {
      expect(flat).toContain(squash(expected));
    }
    // The printed headers are the plain Dutch labels, without the handbook's attribution.
    expect(text).not.toMatch(/Clijsen|Pameijer/);
    const sizes = await pdfPageSizes(buf);
    expect(sizes).toHaveLength(1);
    expect(sizes[0].width).toBeGreaterThan(sizes[0].height);
    expect(Math.round(sizes[0].width)).toBe(842);
  });

  it('prints a vakspecifiek overview with the subject in the title and without the Bijzonderheden column', async () => {
    const buf = await renderOverviewPdf(overview({
      form: 'subject', subjectLabel: 'Spelling',
      lines: [line('Sanne Visser', { fields: fields({ particulars: 'Alleen voor de mentor' }) })],
    }));
    const flat = squash(await pdfText(buf));
    expect(flat).toContain(squash('Groepsoverzicht vakspecifiek – Spelling'));
    expect(flat).toContain(squash('Onderwijsbehoeften (vakspecifiek)'));
    expect(flat).not.toContain('Bijzonderheden');
    expect(flat).not.toContain(squash('Alleen voor de mentor'));
  });

  it('spreads 32 pupils with long texts over several landscape pages and repeats the table header', async () => {
    const lines = Array.from({ length: 32 }, (_, i) => line(`Leerling ${String(i + 1).padStart(2, '0')} Ëlmaz`, {
      signalled: i % 3 === 0,
      results: [{ instrumentId: 1, text: `M5 ${['I', 'II', 'III', 'IV', 'V'][i % 5]} (${30 + i})`, belowNorm: i % 5 === 4 }],
      fields: fields({
        observations: LONG.repeat(3), hindering: LONG, particulars: LONG,
        needs: [{ key: 'n1', domain: 'workAttitude', goal: 'werkt tien minuten zelfstandig', needs: LONG.repeat(2), phrases: [] }],
      }),
    }));
    const buf = await renderOverviewPdf(overview({ lines }));
    const sizes = await pdfPageSizes(buf);
    expect(sizes.length).toBeGreaterThan(2);
    for (const size of sizes) expect(size.width).toBeGreaterThan(size.height);
    const text = await pdfText(buf);
    // Every page the table runs over starts with its header row (the last page may hold only the closing sections).
    const headerRepeats = squash(text).split('Namenleerlingen').length - 1;
    expect(headerRepeats).toBeGreaterThanOrEqual(Math.max(2, sizes.length - 1));
    expect(squash(text)).toContain(squash('Leerling 32 Ëlmaz'));
    expect(squash(text)).toContain(`Pagina${sizes.length}van${sizes.length}`);
  });
});

describe('renderPlanPdf', () => {
  it('prints goals, evaluation results in Dutch, the reflection, the notes and the revision label', async () => {
    const buf = await renderPlanPdf(plan({
      status: 'Geëvalueerd',
      revision: 2,
      attentionPoints: 'Coöperatieve werkvormen bij de start van de les.',
      rows: [
        {
          label: 'Basisaanbod', members: ['Noëlle Koçak', 'Bram Jansen'],
          row: row({ key: 'base', kind: 'base', clusterKey: null, content: 'Taal actief, blok 3', approach: 'Directe instructie' }),
          goals: [{ goal: goal({ key: 'g0', what: 'past de regel voor open lettergrepen toe', result: 'achieved' }), ownerName: null, evidence: [] }],
        },
        {
          label: 'Intensief', members: ['Noëlle Koçak'],
          row: row({
            organisation: { minutesPerWeek: 60, who: 'Marieke de Boer', where: 'instructietafel', moments: 'ma en do 9.00–9.20' },
            evaluationPlan: { who: 'Marieke de Boer', how: 'methodetoets blok 4', when: '2027-01-29' },
          }),
          goals: [
            { goal: goal({ key: 'g1', result: 'partly', resultNote: 'Nog moeite met de verlengingsregel.', attainment: { '1': 'partly' } }), ownerName: 'Marieke de Boer', evidence: ['Noëlle Koçak: M5 III (45) op 20-01-2027'] },
            { goal: goal({ key: 'g2', what: 'leest een AVI-E5 tekst vlot voor', result: 'notAchieved' }), ownerName: null, evidence: [] },
          ],
        },
      ],
      reflection: { instruction: 'De verlengde instructie werkte goed.', content: 'Aanbod sloot aan.', time: 'Twintig minuten was te kort.', teacherSupport: 'Coaching door de IB’er.' },
      notes: [{ notedOn: '2026-10-05', text: 'Noëlle was afwezig bij de instructie.', about: 'Intensief', author: 'Marieke de Boer' }],
    }));
    const text = await pdfText(buf);
    const flat = squash(text);
    for (const expected of [
      'OBS De Vlieger', 'Groepsplan vakspecifiek – convergente differentiatie', 'Groep 5a', 'Periode 1',
      'Versie 2 – tussentijds bijgesteld', 'Geëvalueerd', 'Coöperatieve werkvormen bij de start van de les.',
      'Groep/namen', 'Doelen', 'Inhoud', 'Aanpak/methodiek', 'Organisatie', 'Evaluatie',
      'Basisaanbod', 'Intensief', 'past de regel voor open lettergrepen toe', 'schrijft woorden met -heid foutloos',
      'dictee van 20 woorden', '18 van 20 goed', '29-01-2027', 'Taal actief, blok 3', 'Directe instructie', '60 minuten per week',
      'ma en do 9.00–9.20', 'methodetoets blok 4',
      'Resultaat: behaald', 'Resultaat: deels behaald', 'Resultaat: niet behaald', 'Nog moeite met de verlengingsregel.',
      'Noëlle Koçak: M5 III (45) op 20-01-2027',
      'Evaluatie na afronding groepsplan', 'Instructie', 'De verlengde instructie werkte goed.', 'Twintig minuten was te kort.',
      'Ondersteuningsbehoefte leerkracht', 'Coaching door de IB’er.',
      'Logboek uitvoering', '05-10-2026', 'Noëlle was afwezig bij de instructie.',
    ]) {
      expect(flat).toContain(squash(expected));
    }
    const sizes = await pdfPageSizes(buf);
    for (const size of sizes) expect(size.width).toBeGreaterThan(size.height);
  });

  it('merges Inhoud/aanpak in the vakoverstijgende format, labels the first version and shows a theme per row', async () => {
    const cross = squash(await pdfText(await renderPlanPdf(plan({
      format: 'crossSubject', status: 'Concept',
      rows: [{ label: 'Basisgroep', members: [], row: row({ kind: 'base', content: 'Kanjertraining', approach: 'Dagelijkse kringgesprekken' }), goals: [] }],
    }))));
    expect(cross).toContain(squash('Groepsplan vakoverstijgend'));
    expect(cross).toContain('Inhoud/aanpak');
    expect(cross).not.toContain('Aanpak/methodiek');
    expect(cross).toContain(squash('Kanjertraining'));
    expect(cross).toContain(squash('Dagelijkse kringgesprekken'));
    expect(cross).toContain(squash('Concept · Versie 1'));
    expect(cross).not.toContain('bijgesteld');
    expect(cross).toContain(squash('Er zijn nog geen notities over de uitvoering.'));

    const theme = squash(await pdfText(await renderPlanPdf(plan({
      format: 'theme',
      rows: [{ label: 'Basisgroep', members: ['Fleur'], row: row({ kind: 'base', theme: 'Herfst in het bos' }), goals: [{ goal: goal({ what: 'telt tot tien' }), ownerName: null, evidence: [] }] }],
    }))));
    expect(theme).toContain(squash('Groepsplan thema-planning'));
    expect(theme).toContain(squash('Herfst in het bos'));
    expect(theme).toContain(squash('telt tot tien'));
  });
});
