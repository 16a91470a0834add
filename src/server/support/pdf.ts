// PDF of one published version of a handelingsplan (Bijlage 12 vakoverstijgend / Bijlage 13 vakspecifiek) or an
// ontwikkelingsperspectief (OPP), A4 portrait, Dutch, with the version's publication line, its content hash (short form)
// and a signature block per parent with gezag: the response given on this version (digital or on paper), or blank
// lines to sign on paper. A plan for more pupils never names them ("3 leerlingen"). Rendered with pdfmake and the Roboto
// fonts that ship with it; pdfmake may read nothing but those font files and fetch no URLs.
import { renderPdf } from '../pdf/render';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DOMAIN_LABELS_NL, DOMAINS, type Domain } from '../../domain/assessments/instruments';
import { dutchDate } from '../../domain/school/periods';
import type {
  ActionPlanDecision, ActionPlanDoc, DevelopmentPerspectiveDoc, ExitDestination, Factor, FactorArea, Goal, GoalResult,
  NeedDomain, ParentResponse, ResponseKind, SignatureRequirement, SupportOrganisation, SupportPlace, SupportPlanKind,
  SupportPlanStatus,
} from '../../domain/support/model';
import type { PlanVersionView } from '../../domain/support/views';
import { dutchDateOf } from '../clock';

export interface SupportPdfInput {
  schoolName: string;
  /** The pupil's name, or "3 leerlingen" for a plan for more pupils (never their names). */
  pupilLabel: string;
  plan: { kind: SupportPlanKind; title: string; status: SupportPlanStatus };
  version: PlanVersionView;
  requirement: SignatureRequirement;
  /** The guardians of the route's pupil; only those with gezag get a signature line. */
  guardians: { id: number; name: string; hasAuthority: boolean }[];
  /** ISO date the PDF is made. */
  generatedOn: string;
}

// ---------------------------------------------------------------------------------------------------------------
// PDFs render through ../pdf/render.ts (the one pdfmake set-up).

// ---------------------------------------------------------------------------------------------------------------
// Geometry and shared pieces.

const PAGE_WIDTH = 595.28; // A4 portrait
const MARGIN_X = 40;
const MARGIN_TOP = 70;
const MARGIN_BOTTOM = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const DASH = '–';
const COLOR_MUTED = '#555555';
const COLOR_HEADER_FILL = '#dde6ef';
const COLOR_LABEL_FILL = '#f0f3f6';

const gridLayout: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#8c8c8c',
  vLineColor: () => '#8c8c8c',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const headedLayout: CustomTableLayout = { ...gridLayout, fillColor: (rowIndex) => (rowIndex === 0 ? COLOR_HEADER_FILL : null) };

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim();
}

function orDash(value: string | null | undefined): string {
  const v = clean(value);
  return v === '' ? DASH : v;
}

function dateOrDash(iso: string | null | undefined): string {
  return iso ? dutchDate(iso) : DASH;
}

/** The Dutch calendar date of a timestamp, as d-m-yyyy. */
function dayOf(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? dutchDate(timestamp.slice(0, 10)) : dutchDate(dutchDateOf(d));
}

function sectionTitle(text: string): Content {
  return { text, bold: true, fontSize: 11, margin: [0, 12, 0, 4], headlineLevel: 1 };
}

function paragraph(value: string | null | undefined): Content {
  return { text: orDash(value), margin: [0, 0, 0, 2] };
}

function labelled(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, bold: true }, value], margin: [0, 0, 0, 1.5] };
}

/** A two-column form (label | text), as the Bijlage 12/13 forms print their rows. */
function formTable(rows: [string, Content][]): Content {
  return {
    table: {
      widths: [130, '*'],
      body: rows.map(([label, value]): TableCell[] => [{ text: label, bold: true, fillColor: COLOR_LABEL_FILL }, value as TableCell]),
    },
    layout: gridLayout,
    margin: [0, 0, 0, 4],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Labels.

export const KIND_LABELS_NL: Record<SupportPlanKind, string> = {
  actionPlan: 'Handelingsplan',
  developmentPerspective: 'Ontwikkelingsperspectiefplan (OPP)',
};

const STATUS_LABELS_NL: Record<SupportPlanStatus, string> = {
  draft: 'Concept', active: 'Actief', evaluated: 'Geëvalueerd', closed: 'Afgesloten',
};

const RESULT_LABELS_NL: Record<GoalResult, string> = { achieved: 'behaald', partly: 'deels behaald', notAchieved: 'niet behaald' };

const DECISION_LABELS_NL: Record<ActionPlanDecision, string> = {
  stop: 'Stoppen: de doelen zijn bereikt',
  extend: 'Verlengen',
  followUp: 'Vervolgplan',
  raiseLevel: 'Naar een hoger ondersteuningsniveau',
};

const PLACE_LABELS_NL: Record<SupportPlace, string> = { inGroup: 'in de groep', outsideGroup: 'buiten de groep', both: 'in en buiten de groep' };

export const EXIT_LABELS_NL: Record<ExitDestination, string> = {
  pro: 'praktijkonderwijs',
  'vmbo-bb': 'vmbo basisberoepsgerichte leerweg',
  'vmbo-kb': 'vmbo kaderberoepsgerichte leerweg',
  'vmbo-gl-tl': 'vmbo gemengde/theoretische leerweg',
  havo: 'havo',
  vwo: 'vwo',
  'vso-dagbesteding': 'vso, uitstroomprofiel dagbesteding',
  'vso-arbeidsmarkt': 'vso, uitstroomprofiel arbeidsmarkt',
  'vso-vervolgonderwijs': 'vso, uitstroomprofiel vervolgonderwijs',
  'mbo-1': 'mbo niveau 1 (entreeopleiding)',
  'mbo-2': 'mbo niveau 2',
  'mbo-3-4': 'mbo niveau 3 of 4',
  hbo: 'hbo',
  wo: 'wo',
  arbeid: 'arbeid',
  dagbesteding: 'dagbesteding',
};

const FACTOR_AREA_LABELS_NL: Record<FactorArea, string> = { pupil: 'Leerling', education: 'Onderwijs', home: 'Thuis' };

/** What a signing response says on paper. */
export const RESPONSE_LABELS_NL: Record<ResponseKind, string> = {
  consent: 'Instemming gegeven',
  refuse: 'Geen instemming',
  agree: 'Akkoord',
  disagree: 'Niet akkoord',
  comment: 'Zienswijze',
};

const OTHER_NEED_DOMAINS: Record<string, string> = { socialEmotional: 'Sociaal-emotioneel', workAttitude: 'Werkhouding/taakaanpak', other: 'Overig' };

function domainLabel(domain: NeedDomain | string): string {
  if ((DOMAINS as readonly string[]).includes(domain)) {
    const label = DOMAIN_LABELS_NL[domain as Domain];
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  return OTHER_NEED_DOMAINS[domain] ?? String(domain);
}

/** The title line of the kind: "Handelingsplan vakspecifiek – Spelling", "Ontwikkelingsperspectiefplan (OPP)". */
export function supportPlanKindLabel(doc: PlanVersionView['doc']): string {
  if (doc.kind === 'developmentPerspective') return KIND_LABELS_NL.developmentPerspective;
  if (doc.format === 'subject') return clean(doc.subject) ? `Handelingsplan vakspecifiek – ${domainLabel(doc.subject)}` : 'Handelingsplan vakspecifiek';
  return 'Handelingsplan vakoverstijgend';
}

function period(startsOn: string | null, endsOn: string | null): string {
  if (!startsOn && !endsOn) return DASH;
  return `${dateOrDash(startsOn)} t/m ${dateOrDash(endsOn)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Content pieces.

function targetText(goal: Goal): string {
  const target = clean(goal.target);
  if (target) return target;
  const parts: string[] = [];
  if (clean(goal.targetLevel)) parts.push(`niveau ${clean(goal.targetLevel)} of hoger`);
  if (goal.targetScore != null) parts.push(`score ${goal.targetScore} of hoger`);
  return parts.join(', ');
}

function goalsContent(goals: Goal[]): Content {
  if (goals.length === 0) return { text: DASH };
  return {
    stack: goals.map((goal, i): Content => ({
      margin: [0, 0, 0, 4],
      stack: [
        { text: [{ text: `${i + 1}. `, bold: true }, { text: `${domainLabel(goal.domain)} – `, italics: true, color: COLOR_MUTED }, { text: orDash(goal.what), bold: true }] },
        labelled('Meting', orDash(goal.measure)),
        labelled('Streefniveau', orDash(targetText(goal))),
        labelled('Streefdatum', dateOrDash(goal.dueOn)),
        ...(goal.result
          ? [{ text: [{ text: 'Resultaat: ', bold: true }, { text: RESULT_LABELS_NL[goal.result], bold: true }, ...(clean(goal.resultNote) ? [` – ${clean(goal.resultNote)}`] : [])] } as Content]
          : []),
      ],
    })),
  };
}

function organisationContent(o: SupportOrganisation): Content {
  return {
    stack: [
      labelled('Wie', orDash(o.who)),
      labelled('Waar', [clean(o.where), PLACE_LABELS_NL[o.place]].filter(Boolean).join(', ')),
      labelled('Wanneer', orDash(o.when)),
      labelled('Hoe vaak', orDash(o.frequency)),
      ...(o.minutesPerWeek != null ? [labelled('Minuten per week', String(o.minutesPerWeek))] : []),
    ],
  };
}

function factorList(factors: Factor[]): Content {
  const list = factors.filter((f) => clean(f.text) !== '');
  if (list.length === 0) return { text: DASH };
  return { ul: list.map((f) => ({ text: [{ text: `${FACTOR_AREA_LABELS_NL[f.area] ?? f.area}: `, bold: true }, clean(f.text)] })) };
}

function actionPlanContent(doc: ActionPlanDoc): Content[] {
  const subject = doc.format === 'subject';
  const rows: [string, Content][] = [
    ['Probleem / hulpvraag', paragraph(doc.problem)],
    [subject ? 'Leerrendementsverwachting voor het vak (lange termijn)' : 'Ontwikkelingsperspectief', paragraph(doc.expectation)],
    [subject ? 'Onderwijsbehoeften (vakspecifiek)' : 'Onderwijsbehoeften (vakoverstijgend)', paragraph(doc.needs)],
    [subject ? 'Doelen' : 'Doelen/gewenst gedrag', goalsContent(doc.goals)],
    ['Inhoud (wat)', paragraph(doc.content)],
    ['Aanpak/methodiek (hoe)', paragraph(doc.approach)],
    ['Organisatie (wie en wanneer)', organisationContent(doc.organisation)],
    ['Evaluatie (hoe en door wie)', { stack: [labelled('Hoe', orDash(doc.evaluationPlan.how)), labelled('Door wie', orDash(doc.evaluationPlan.who))] }],
    ['Afspraken met ouders', paragraph(doc.parentAgreements)],
  ];
  const out: Content[] = [
    labelled('Looptijd', period(doc.startsOn, doc.endsOn)),
    ...(subject && clean(doc.subject) ? [labelled('Vak', domainLabel(doc.subject))] : []),
    formTable(rows),
  ];
  if (clean(doc.evaluation.summary) || doc.evaluation.decision) {
    out.push(sectionTitle('Evaluatie (na afronding van het handelingsplan)'), formTable([
      ['Resultaat per doel', { stack: doc.goals.map((g, i) => ({ text: `${i + 1}. ${orDash(g.what)}: ${g.result ? RESULT_LABELS_NL[g.result] : 'nog niet beoordeeld'}` })) }],
      ['Samenvatting', paragraph(doc.evaluation.summary)],
      ['Besluit', paragraph(doc.evaluation.decision ? DECISION_LABELS_NL[doc.evaluation.decision] : '')],
    ]));
  }
  return out;
}

function growthTable(d: DevelopmentPerspectiveDoc['domains'][number]): Content {
  const unit = d.measure === 'dle' ? 'DLE' : 'Vaardigheidsscore';
  if (d.growth.length === 0) return { text: 'Geen groeilijn ingevuld.', italics: true, color: COLOR_MUTED, margin: [0, 0, 0, 3] };
  const points = [...d.growth].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    table: {
      headerRows: 1,
      widths: [90, 110],
      body: [
        [{ text: 'Datum', bold: true }, { text: `Gepland (${unit})`, bold: true }],
        ...points.map((p): TableCell[] => [dutchDate(p.on), String(p.value).replace('.', ',')]),
      ],
    },
    layout: headedLayout,
    margin: [0, 2, 0, 4],
  };
}

function oppContent(doc: DevelopmentPerspectiveDoc): Content[] {
  const out: Content[] = [
    labelled('Looptijd', period(doc.startsOn, doc.endsOn)),
    sectionTitle('Uitstroombestemming'),
    formTable([
      ['Verwachte uitstroombestemming', paragraph(doc.exitDestination ? EXIT_LABELS_NL[doc.exitDestination] ?? doc.exitDestination : '')],
      ['Onderbouwing', paragraph(doc.reasoning)],
      ['Belemmerende factoren', factorList(doc.hinderingFactors)],
      ['Bevorderende factoren', factorList(doc.stimulatingFactors)],
    ]),
    sectionTitle('Handelingsdeel'),
    formTable([
      ['Onderwijs- en ondersteuningsbehoeften', paragraph(doc.needs)],
      ['Begeleiding en ondersteuning', paragraph(doc.support)],
      ['Afwijkingen van het onderwijsprogramma', paragraph(doc.deviations)],
      ['Organisatie (wie en wanneer)', organisationContent(doc.organisation)],
    ]),
  ];
  if (doc.domains.length > 0) {
    for (const d of doc.domains) {
      out.push(sectionTitle(`Ontwikkelingsgebied: ${domainLabel(d.domain)}`));
      out.push(labelled('Eindniveau', orDash(d.endGoal)));
      out.push({ text: 'Groeilijn', bold: true, margin: [0, 3, 0, 0] }, growthTable(d));
      out.push({ text: 'Tussendoelen', bold: true, margin: [0, 3, 0, 2] }, goalsContent(d.goals));
    }
  } else {
    out.push(sectionTitle('Ontwikkelingsgebieden'), paragraph(''));
  }
  const voice = doc.pupilVoice;
  out.push(sectionTitle('Inbreng van de leerling'), voice.heard
    ? { stack: [labelled('Gehoord op', dateOrDash(voice.heardOn)), paragraph(voice.text)] }
    : { stack: [{ text: 'De leerling is niet gehoord.', margin: [0, 0, 0, 1.5] }, labelled('Reden', orDash(voice.notHeardReason))] });
  out.push(sectionTitle('Betrokkenen'));
  const involved = doc.involved.filter((p) => clean(p.name) !== '' || clean(p.role) !== '');
  out.push(involved.length === 0 ? paragraph('') : {
    table: {
      headerRows: 1,
      widths: ['*', '*', '*'],
      body: [
        [{ text: 'Naam', bold: true }, { text: 'Rol', bold: true }, { text: 'Organisatie', bold: true }],
        ...involved.map((p): TableCell[] => [orDash(p.name), orDash(p.role), orDash(p.organisation)]),
      ],
    },
    layout: headedLayout,
  });
  out.push(sectionTitle('Afspraken met ouders'), paragraph(doc.parentAgreements));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Signature block.

function requirementText(requirement: SignatureRequirement): string {
  if (requirement === 'consent') return 'De ouders met gezag geven instemming met het handelingsdeel van dit ontwikkelingsperspectiefplan.';
  if (requirement === 'agreement') return 'De ouders met gezag tekenen dit plan voor akkoord of geven aan niet akkoord te zijn, met hun zienswijze.';
  return 'Voor dit plan vraagt de school geen handtekening van de ouders; een zienswijze is altijd welkom.';
}

function blankLines(name: string): Content {
  const line = (label: string, value = ''): TableCell[] => [{ text: `${label}:`, bold: true }, { text: value || ' ' }];
  return {
    table: { widths: [80, '*'], body: [line('Naam', name), line('Datum'), line('Handtekening'), line('Zienswijze')] },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#8c8c8c',
      // Room to write; most for the signature itself (row 2).
      paddingTop: (i: number) => (i === 2 ? 24 : 10),
      paddingBottom: () => 2,
      paddingLeft: () => 0,
      paddingRight: () => 4,
    },
    margin: [0, 2, 0, 8],
    unbreakable: true,
  };
}

function responseLine(response: ParentResponse): Content {
  const how = response.method === 'paper' ? 'op papier' : 'digitaal';
  return {
    margin: [0, 2, 0, 8],
    unbreakable: true,
    stack: [
      { text: `${RESPONSE_LABELS_NL[response.kind]} — ${clean(response.guardianName)}, ${dutchDate(response.signedOn)}, ${how}`, bold: true },
      ...(clean(response.statement) ? [{ text: [{ text: 'Zienswijze: ', bold: true }, clean(response.statement)], margin: [0, 1, 0, 0] } as Content] : []),
      ...(response.method === 'paper' && response.recordedByName ? [{ text: `Vastgelegd door ${clean(response.recordedByName)}.`, color: COLOR_MUTED, fontSize: 8 } as Content] : []),
    ],
  };
}

function signatureBlock(input: SupportPdfInput): Content[] {
  const { version, requirement } = input;
  const gezag = input.guardians.filter((g) => g.hasAuthority);
  const stateOf = new Map(version.signatures.guardians.map((g) => [g.guardianId, g]));
  const out: Content[] = [sectionTitle('Ondertekening'), { text: requirementText(requirement), margin: [0, 0, 0, 6] }];
  if (requirement !== 'none') {
    if (gezag.length === 0) out.push({ text: 'Er is geen ouder met gezag bekend.', italics: true, margin: [0, 0, 0, 6] });
    for (const g of gezag) {
      const response = stateOf.get(g.id)?.response
        ?? [...version.responses].reverse().find((r) => r.guardianId === g.id && r.kind !== 'comment') ?? null;
      out.push(response ? responseLine(response) : blankLines(g.name));
    }
  }
  const comments = version.responses.filter((r) => r.kind === 'comment');
  if (comments.length > 0) {
    out.push({ text: 'Zienswijzen van ouders', bold: true, margin: [0, 4, 0, 2] });
    for (const c of comments) {
      out.push({ text: [{ text: `${clean(c.guardianName)}, ${dutchDate(c.signedOn)}: `, bold: true }, clean(c.statement)], margin: [0, 0, 0, 3] });
    }
  }
  out.push({
    margin: [0, 8, 0, 0],
    unbreakable: true,
    stack: [
      { text: 'Namens de school', bold: true },
      { text: `${clean(version.publishedBy.name)}, ${clean(input.schoolName)} — gepubliceerd op ${dayOf(version.publishedAt)}` },
    ],
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

/** The first characters of the content hash, as printed to compare a paper copy with the stored version. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

export async function renderSupportPlanPdf(input: SupportPdfInput): Promise<Buffer> {
  const { version } = input;
  const doc = version.doc;
  const kindLabel = supportPlanKindLabel(doc);
  const title = clean(version.title) || clean(input.plan.title) || kindLabel;
  const versionLine = `Versie ${version.number} — gepubliceerd ${dayOf(version.publishedAt)} door ${clean(version.publishedBy.name)}`;
  const header: Content = {
    stack: [
      { text: kindLabel, fontSize: 9, color: COLOR_MUTED },
      { text: title, fontSize: 15, bold: true, margin: [0, 1, 0, 4] },
      formTable([
        ['Leerling', { text: orDash(input.pupilLabel) }],
        ['Status', { text: STATUS_LABELS_NL[input.plan.status] }],
        ['Versie', { text: versionLine }],
        ['Controlecode', { text: `${shortHash(version.contentHash)} (sha-256)` }],
      ]),
    ],
  };
  const body = doc.kind === 'actionPlan' ? actionPlanContent(doc) : oppContent(doc);
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM],
    info: { title, author: clean(input.schoolName), creator: 'Koers', producer: 'Koers' },
    header: () => ({
      margin: [MARGIN_X, 24, MARGIN_X, 0],
      stack: [
        { columns: [{ text: clean(input.schoolName), fontSize: 9, bold: true }, { text: `${kindLabel} – versie ${version.number}`, fontSize: 8, color: COLOR_MUTED, alignment: 'right' }] },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.75, lineColor: '#7a8a99' }] },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [MARGIN_X, 12, MARGIN_X, 0],
      fontSize: 7,
      color: COLOR_MUTED,
      columns: [
        { width: '*', text: `Vertrouwelijk – ${clean(input.schoolName)}` },
        { width: 'auto', text: `Afgedrukt op ${dutchDate(input.generatedOn)}` },
        { width: '*', text: `Pagina ${page} van ${pages}`, alignment: 'right' },
      ],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    pageBreakBefore: (node) => node.headlineLevel === 1 && (node.startPosition?.verticalRatio ?? 0) > 0.85,
    content: [header, ...body, ...signatureBlock(input)],
  };
  return renderPdf(def);
}
