// PDF prints of the group cycle: the groepsoverzicht (columns as in Bijlage 3 vakoverstijgend / Bijlage 4 vakspecifiek)
// and the groepsplan (Bijlage 9 vakoverstijgend, 10 convergent, 11 divergent, and the kleuter thema-planning), A4
// landscape, Dutch, with a header and footer on every page and repeated table headers. Rendered with pdfmake and the
// Roboto fonts that ship with it; pdfmake may read nothing but those font files and fetch no URLs.
import { emptyReflection } from '../../domain/group-cycle/blank';
import { dutchDate } from '../../domain/school/periods';
import { renderPdf } from '../pdf/render';
import type { Content, ContextPageSize, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DOMAIN_LABELS_NL, DOMAINS, type Domain } from '../../domain/assessments/instruments';
import type {
  ClusterDef, Goal, GoalResult, NeedDomain, OverviewForm, OverviewLineFields, PlanFormat, PlanReflection, PlanRow,
} from '../../domain/group-cycle/model';

export interface OverviewPdfInput {
  schoolName: string;
  groupName: string;
  periodName: string;
  /** e.g. "1-9-2026 t/m 31-1-2027" */
  periodRange: string;
  form: OverviewForm;
  subjectLabel: string | null;
  staff: string[];
  /** d-m-yyyy */
  printedOn: string;
  attentionPoints: string;
  clusters: ClusterDef[];
  instruments: { id: number; name: string }[];
  lines: {
    name: string;
    signalled: boolean;
    /** Dutch labels */
    signalReasons: string[];
    /** the cluster's label */
    cluster: string | null;
    /** e.g. "M5 III (45)", newest first */
    results: { instrumentId: number; text: string; belowNorm: boolean }[];
    signals: string[];
    fields: OverviewLineFields;
  }[];
}

export interface PlanPdfInput {
  schoolName: string;
  groupName: string;
  periodName: string;
  periodRange: string;
  format: PlanFormat;
  /** Dutch, e.g. "Actief" */
  status: string;
  /** 1 = as first set; every tussentijdse bijstelling adds one. */
  revision: number;
  staff: string[];
  printedOn: string;
  attentionPoints: string;
  rows: {
    /** "Basisgroep", "Intensief", "Leerling: Sanne" */
    label: string;
    members: string[];
    row: PlanRow;
    goals: { goal: Goal; ownerName: string | null; evidence: string[] }[];
  }[];
  reflection: PlanReflection | null;
  notes: { notedOn: string; text: string; about: string | null; author: string }[];
  /** Vak (Bijlage 10/11 header) for a plan that belongs to a vakspecifiek overview; optional. */
  subjectLabel?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// PDFs render through ../pdf/render.ts (the one pdfmake set-up).


// ---------------------------------------------------------------------------------------------------------------
// Page geometry and shared pieces.

const PAGE_WIDTH = 841.89; // A4 landscape
const PAGE_HEIGHT = 595.28;
const MARGIN_X = 28;
const MARGIN_TOP = 82;
const MARGIN_BOTTOM = 34;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
const CELL_PAD_X = 3;
const CELL_PAD_Y = 2;
const LINE_WIDTH = 0.5;
const DASH = '–';
const BELOW_NORM_MARK = '■';
const SIGNAL_MARK = '●';
const COLOR_MUTED = '#555555';
const COLOR_HEADER_FILL = '#dde6ef';
const COLOR_BELOW_NORM = '#f6d3c8';
const COLOR_SIGNAL = '#b03a2e';

const tableLayout: CustomTableLayout = {
  hLineWidth: () => LINE_WIDTH,
  vLineWidth: () => LINE_WIDTH,
  hLineColor: () => '#8c8c8c',
  vLineColor: () => '#8c8c8c',
  paddingLeft: () => CELL_PAD_X,
  paddingRight: () => CELL_PAD_X,
  paddingTop: () => CELL_PAD_Y,
  paddingBottom: () => CELL_PAD_Y,
  fillColor: (rowIndex) => (rowIndex === 0 ? COLOR_HEADER_FILL : null),
};

/** Trimmed text with Windows line ends normalised; '' when empty. */
function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim();
}

function orDash(value: string | null | undefined): string {
  const v = clean(value);
  return v === '' ? DASH : v;
}



/** Widths (pt) for table columns from weights, filling the content width after padding and lines. */
function fitWidths(weights: number[], width = CONTENT_WIDTH): number[] {
  const n = weights.length;
  const available = width - n * 2 * CELL_PAD_X - (n + 1) * LINE_WIDTH - 1;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((available * w) / total * 10) / 10);
}

function cellWidthsLeft(fixed: number[], width = CONTENT_WIDTH): number {
  const n = fixed.length;
  return width - n * 2 * CELL_PAD_X - (n + 1) * LINE_WIDTH - 1;
}

/** Staff names for the header, shortened so the header stays one line. */
function staffText(staff: string[]): string {
  const names = staff.map(clean).filter((s) => s !== '');
  if (names.length === 0) return DASH;
  const shown: string[] = [];
  for (const name of names) {
    if (shown.length > 0 && [...shown, name].join(', ').length > 70) break;
    shown.push(name);
  }
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} en ${rest} ${rest === 1 ? 'ander' : 'anderen'}` : shown.join(', ');
}

interface HeaderMeta {
  schoolName: string;
  title: string;
  fields: [string, string][];
}

function pageHeader(meta: HeaderMeta): (page: number, pages: number, size: ContextPageSize) => Content {
  return () => ({
    margin: [MARGIN_X, 16, MARGIN_X, 0],
    stack: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: meta.schoolName, fontSize: 8.5, color: COLOR_MUTED },
              { text: meta.title, fontSize: 13, bold: true, margin: [0, 2, 0, 0] },
            ],
          },
          {
            width: 360,
            table: {
              widths: [78, '*'],
              body: meta.fields.map(([label, value]) => [
                { text: `${label}:`, bold: true, fontSize: 7.5 },
                { text: value, fontSize: 7.5 },
              ]),
            },
            layout: {
              hLineWidth: () => 0,
              vLineWidth: () => 0,
              paddingLeft: () => 0,
              paddingRight: () => 2,
              paddingTop: () => 0,
              paddingBottom: () => 0.5,
            },
          },
        ],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.75, lineColor: '#7a8a99' }],
      },
    ],
  });
}

function pageFooter(schoolName: string, printedOn: string): (page: number, pages: number) => Content {
  return (page, pages) => ({
    margin: [MARGIN_X, 10, MARGIN_X, 0],
    fontSize: 7,
    color: COLOR_MUTED,
    columns: [
      { width: '*', text: `Vertrouwelijk – ${clean(schoolName)}` },
      { width: 'auto', text: printedOn ? `Afgedrukt op ${clean(printedOn)}` : '' },
      { width: '*', text: `Pagina ${page} van ${pages}`, alignment: 'right' },
    ],
  });
}

/** A section title; `headlineLevel` 1 makes pageBreakBefore keep it with what follows. */
function sectionTitle(text: string): Content {
  return { text, bold: true, fontSize: 10, margin: [0, 10, 0, 3], headlineLevel: 1 };
}

function labelled(label: string, value: string, fontSize?: number): Content {
  return {
    text: [{ text: `${label}: `, bold: true }, clean(value)],
    margin: [0, 0, 0, 1.5],
    ...(fontSize ? { fontSize } : {}),
  };
}

function documentDefinition(meta: HeaderMeta, printedOn: string, content: Content[], fontSize: number): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM],
    info: { title: meta.title, author: clean(meta.schoolName), creator: 'Koers', producer: 'Koers' },
    header: pageHeader(meta),
    footer: pageFooter(meta.schoolName, printedOn),
    defaultStyle: { font: 'Roboto', fontSize, lineHeight: 1.1 },
    // Keep a section title with what follows it: a title in the last 15% of a page moves to the next page.
    pageBreakBefore: (node) => node.headlineLevel === 1 && (node.startPosition?.verticalRatio ?? 0) > 0.85,
    content,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Height estimate, to decide whether rows may be kept whole (pdfmake drops what does not fit on one page when a
// row that is taller than a page is made unbreakable, so only tables whose rows all fit comfortably get it).

const AVG_CHAR_EM = 0.53;

function flattenText(node: unknown): string {
  if (node == null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(flattenText).join('');
  if (typeof node === 'object' && 'text' in node) return flattenText((node as { text: unknown }).text);
  return '';
}

function estimateHeight(node: unknown, width: number, fontSize: number): number {
  if (node == null) return 0;
  const lineHeight = fontSize * 1.1 * 1.17;
  const linesOf = (text: string): number =>
    text.split('\n').reduce((sum, para) => sum + Math.max(1, Math.ceil((para.length * fontSize * AVG_CHAR_EM) / Math.max(width, 10))), 0);
  if (typeof node === 'string' || typeof node === 'number') return linesOf(String(node)) * lineHeight;
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + estimateHeight(n, width, fontSize), 0);
  if (typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const size = typeof obj.fontSize === 'number' ? obj.fontSize : fontSize;
    const margin = Array.isArray(obj.margin) && obj.margin.length === 4 ? Number(obj.margin[1]) + Number(obj.margin[3]) : 0;
    if ('stack' in obj) return estimateHeight(obj.stack, width, size) + margin;
    if ('ul' in obj) return estimateHeight(obj.ul, width - 10, size) + margin;
    if ('text' in obj) return linesOf(flattenText(obj.text)) * size * 1.1 * 1.17 + margin;
  }
  return 0;
}

function rowsFitOnAPage(body: TableCell[][], widths: number[], fontSize: number): boolean {
  const limit = CONTENT_HEIGHT * 0.55;
  return body.every((row) =>
    row.reduce((max: number, cell, i) => Math.max(max, estimateHeight(cell, widths[i], fontSize) + 2 * CELL_PAD_Y), 0) <= limit,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Labels.

const NEED_DOMAIN_LABELS: Record<Exclude<NeedDomain, Domain>, string> = {
  socialEmotional: 'Sociaal-emotioneel',
  workAttitude: 'Werkhouding/taakaanpak',
  other: 'Overig',
};

function needDomainLabel(domain: NeedDomain): string {
  if ((DOMAINS as readonly string[]).includes(domain)) {
    const label = DOMAIN_LABELS_NL[domain as Domain];
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  return NEED_DOMAIN_LABELS[domain as Exclude<NeedDomain, Domain>] ?? String(domain);
}

const RESULT_LABELS: Record<GoalResult, string> = {
  achieved: 'behaald',
  partly: 'deels behaald',
  notAchieved: 'niet behaald',
};

const PLAN_TITLES: Record<PlanFormat, string> = {
  crossSubject: 'Groepsplan vakoverstijgend',
  convergent: 'Groepsplan vakspecifiek – convergente differentiatie',
  divergent: 'Groepsplan vakspecifiek – divergente differentiatie',
  theme: 'Groepsplan thema-planning (groep 1–2)',
};

export function overviewTitle(form: OverviewForm, subjectLabel: string | null): string {
  if (form === 'crossSubject') return 'Groepsoverzicht vakoverstijgend';
  const subject = clean(subjectLabel);
  return subject ? `Groepsoverzicht vakspecifiek – ${subject}` : 'Groepsoverzicht vakspecifiek';
}

export function planTitle(format: PlanFormat, subjectLabel?: string | null): string {
  const subject = clean(subjectLabel);
  return subject && (format === 'convergent' || format === 'divergent') ? `${PLAN_TITLES[format]} – ${subject}` : PLAN_TITLES[format];
}

/** "Versie 1", "Versie 2 – tussentijds bijgesteld". */
export function revisionLabel(revision: number): string {
  const n = Math.max(1, Math.floor(revision || 1));
  return n > 1 ? `Versie ${n} – tussentijds bijgesteld` : `Versie ${n}`;
}

function periodText(periodName: string, periodRange: string): string {
  const name = clean(periodName);
  const range = clean(periodRange);
  if (name && range) return `${name} (${range})`;
  return name || range || DASH;
}

// ---------------------------------------------------------------------------------------------------------------
// Groepsoverzicht.

function headerCell(text: string, sub?: string): TableCell {
  return sub
    ? { stack: [{ text, bold: true }, { text: sub, fontSize: 6, color: COLOR_MUTED }] }
    : { text, bold: true };
}

function signalCell(line: OverviewPdfInput['lines'][number]): TableCell {
  const parts: Content[] = [];
  if (line.signalled) parts.push({ text: SIGNAL_MARK, color: COLOR_SIGNAL, fontSize: 9, lineHeight: 1 });
  const reasons = line.signalReasons.map(clean).filter(Boolean);
  if (reasons.length > 0) parts.push({ stack: reasons.map((r) => ({ text: r })), margin: [0, 0, 0, 1.5] });
  const signals = line.signals.map(clean).filter(Boolean);
  if (signals.length > 0) {
    parts.push({ stack: signals.map((s) => ({ text: s, italics: true, color: COLOR_MUTED, fontSize: 6 })) });
  }
  return parts.length > 0 ? { stack: parts } : { text: DASH };
}

function resultsCell(results: OverviewPdfInput['lines'][number]['results'], instrumentId: number): TableCell {
  const mine = results.filter((r) => r.instrumentId === instrumentId && clean(r.text) !== '');
  if (mine.length === 0) return { text: DASH };
  // Newest first; older moments smaller and grey so the current result stands out.
  return {
    stack: mine.map((r, i) => ({
      text: r.belowNorm
        ? [{ text: `${BELOW_NORM_MARK} ${clean(r.text)}`, bold: true, background: COLOR_BELOW_NORM }]
        : clean(r.text),
      ...(i > 0 ? { fontSize: 6.3, color: '#444444' } : {}),
      margin: [0, 0, 0, 1.5] as [number, number, number, number],
    })),
  };
}

function observationsCell(fields: OverviewLineFields): TableCell {
  const parts: [string, string][] = [
    ['Stimulerend', fields.stimulating],
    ['Belemmerend', fields.hindering],
    ['Observaties', fields.observations],
    ['Gesprek leerling', fields.pupilVoice],
    ['Gesprek ouders', fields.parentVoice],
  ];
  const filled = parts.filter(([, v]) => clean(v) !== '');
  if (filled.length === 0) return { text: DASH };
  return { stack: filled.map(([label, value]) => labelled(label, value)) };
}

function needsCell(fields: OverviewLineFields, showDomain: boolean): TableCell {
  const needs = fields.needs.filter((n) => clean(n.goal) !== '' || clean(n.needs) !== '');
  if (needs.length === 0) return { text: DASH };
  return {
    stack: needs.map((need, i) => ({
      margin: [0, 0, 0, i < needs.length - 1 ? 3 : 0],
      stack: [
        {
          text: [
            ...(showDomain ? [{ text: `${needDomainLabel(need.domain)} – `, italics: true, color: COLOR_MUTED }] : []),
            { text: 'Doel: ', bold: true },
            orDash(need.goal),
          ],
        },
        { text: [{ text: 'Nodig: ', bold: true }, orDash(need.needs)] },
      ],
    })),
  };
}

function overviewTable(input: OverviewPdfInput, fontSize: number): Content {
  const crossSubject = input.form === 'crossSubject';
  const nInstruments = input.instruments.length;
  // Fixed columns: Namen leerlingen, S, (Bijzonderheden), Instructiegroep; instrument columns share what the two
  // text columns (observations, needs) leave over, between 34 and 50 pt each.
  const fixed = crossSubject ? [64, 56, 62, 50] : [72, 62, 52];
  const columns = fixed.length + nInstruments + 2;
  const inner = cellWidthsLeft(new Array(columns).fill(0));
  const fixedSum = fixed.reduce((a, b) => a + b, 0);
  const minText = 250;
  // Wide enough for "M5 III (120)" and the longest word of any instrument name where the page allows it.
  const longestWord = Math.max(0, ...input.instruments.flatMap((i) => clean(i.name).split(/\s+/).map((w) => w.length)));
  const wanted = Math.max(44, Math.min(54, longestWord * 6.5 * 0.6));
  const instrumentWidth = nInstruments === 0
    ? 0
    : Math.max(nInstruments > 8 ? 32 : 38, Math.min(wanted, (inner - fixedSum - minText) / nInstruments));
  const textWidth = inner - fixedSum - instrumentWidth * nInstruments;
  const observationsWidth = Math.floor(textWidth * 0.46);
  const needsWidth = Math.floor(textWidth - observationsWidth);

  const widths: number[] = [
    fixed[0],
    fixed[1],
    ...input.instruments.map(() => instrumentWidth),
    observationsWidth,
    ...(crossSubject ? [fixed[2]] : []),
    needsWidth,
    crossSubject ? fixed[3] : fixed[2],
  ];

  const header: TableCell[] = [
    headerCell('Namen leerlingen'),
    headerCell('S'),
    ...input.instruments.map((i) => ({ text: orDash(i.name), bold: true, fontSize: 6.5 })),
    headerCell(crossSubject ? 'Uitkomsten observaties en gesprekken met leerlingen/ouders' : 'Uitkomsten observaties en gesprekken met leerlingen'),
    ...(crossSubject ? [headerCell('Bijzonderheden')] : []),
    crossSubject
      ? headerCell('Onderwijsbehoeften', 'Doel + wat heeft de leerling nodig om dat te bereiken')
      : headerCell('Onderwijsbehoeften (vakspecifiek)', 'Doel + wat heeft de leerling extra nodig om dat te bereiken'),
    headerCell('Instructiegroep'),
  ];

  const body: TableCell[][] = input.lines.map((line) => [
    { text: orDash(line.name), bold: line.signalled },
    signalCell(line),
    ...input.instruments.map((i) => resultsCell(line.results, i.id)),
    observationsCell(line.fields),
    ...(crossSubject ? [{ text: orDash(line.fields.particulars) }] : []),
    needsCell(line.fields, crossSubject),
    { text: orDash(line.cluster) },
  ]);

  if (body.length === 0) {
    body.push([{ text: 'Er staan geen leerlingen in dit groepsoverzicht.', colSpan: widths.length, italics: true }, ...new Array(widths.length - 1).fill({})]);
  }

  return {
    table: {
      headerRows: 1,
      dontBreakRows: rowsFitOnAPage(body, widths, fontSize),
      widths,
      body: [header, ...body],
    },
    layout: tableLayout,
  };
}

function clusterSummary(input: OverviewPdfInput): Content | null {
  if (input.lines.length === 0) return null;
  const order = input.clusters.map((c) => c.label);
  const byLabel = new Map<string, string[]>();
  const none: string[] = [];
  for (const line of input.lines) {
    const label = clean(line.cluster);
    if (!label) {
      none.push(clean(line.name));
      continue;
    }
    if (!byLabel.has(label)) byLabel.set(label, []);
    byLabel.get(label)!.push(clean(line.name));
  }
  const labels = [...order.filter((l) => byLabel.has(l)), ...[...byLabel.keys()].filter((l) => !order.includes(l))];
  if (labels.length === 0) return null;
  const rows: TableCell[][] = labels.map((label) => {
    const names = byLabel.get(label)!;
    return [{ text: `${label} (${names.length})`, bold: true }, { text: names.join(', ') }];
  });
  if (none.length > 0) rows.push([{ text: `Zonder instructiegroep (${none.length})`, bold: true }, { text: none.join(', ') }]);
  const widths = fitWidths([1, 6]);
  return {
    table: { headerRows: 0, dontBreakRows: true, widths, body: rows },
    layout: { ...tableLayout, fillColor: () => null },
  };
}

export async function renderOverviewPdf(input: OverviewPdfInput): Promise<Buffer> {
  const fontSize = 7;
  const title = overviewTitle(input.form, input.subjectLabel);
  const fields: [string, string][] = [
    ['Groep', orDash(input.groupName)],
    ...(input.form === 'subject' ? [['Vak', orDash(input.subjectLabel)] as [string, string]] : []),
    ['Periode', periodText(input.periodName, input.periodRange)],
    [input.form === 'subject' ? 'Docent(en)' : 'Leerkracht/mentor', staffText(input.staff)],
    ['Datum', orDash(input.printedOn)],
  ];
  const legend: Content = {
    fontSize: 6.5,
    color: COLOR_MUTED,
    margin: [0, 0, 0, 4],
    text: [
      { text: `${SIGNAL_MARK} `, color: COLOR_SIGNAL },
      'S = gesignaleerd: heeft de komende periode extra aandacht nodig.   ',
      { text: `${BELOW_NORM_MARK} vet en gearceerd`, bold: true, background: COLOR_BELOW_NORM },
      ' = score onder de norm.   Toetsresultaten: nieuwste eerst.   – = niet ingevuld.',
    ],
  };
  const clusters = clusterSummary(input);
  const content: Content[] = [
    legend,
    overviewTable(input, fontSize),
    sectionTitle('Aandachtspunten voor de hele groep'),
    { text: orDash(input.attentionPoints), fontSize: 8 },
    ...(clusters ? [sectionTitle('Instructiegroepen'), clusters] : []),
  ];
  return renderPdf(documentDefinition({ schoolName: input.schoolName, title, fields }, input.printedOn, content, fontSize));
}

// ---------------------------------------------------------------------------------------------------------------
// Groepsplan.

function targetText(goal: Goal): string {
  const target = clean(goal.target);
  if (target) return target;
  const parts: string[] = [];
  if (clean(goal.targetLevel)) parts.push(`niveau ${clean(goal.targetLevel)} of hoger`);
  if (goal.targetScore != null) parts.push(`score ${goal.targetScore} of hoger`);
  return parts.join(', ');
}

function attainmentSummary(attainment: Record<string, GoalResult>): string {
  const counts: Record<GoalResult, number> = { achieved: 0, partly: 0, notAchieved: 0 };
  for (const value of Object.values(attainment ?? {})) if (value in counts) counts[value] += 1;
  return (Object.keys(counts) as GoalResult[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${RESULT_LABELS[k]}`)
    .join(', ');
}

function goalBlock(item: PlanPdfInput['rows'][number]['goals'][number], index: number, showDomain: boolean): Content {
  const { goal, ownerName, evidence } = item;
  const parts: Content[] = [
    {
      text: [
        { text: `${index + 1}. `, bold: true },
        ...(showDomain ? [{ text: `${needDomainLabel(goal.domain)} – `, italics: true, color: COLOR_MUTED }] : []),
        { text: orDash(goal.what), bold: true },
      ],
      margin: [0, 0, 0, 1],
    },
    labelled('Meting', orDash(goal.measure)),
    labelled('Streefniveau', orDash(targetText(goal))),
    {
      text: [
        { text: 'Streefdatum: ', bold: true },
        orDash(dutchDate(goal.dueOn)),
        '   ',
        { text: 'Verantwoordelijk: ', bold: true },
        clean(ownerName) || 'de leerkracht van de groep',
      ],
      margin: [0, 0, 0, 1.5],
    },
  ];
  if (goal.carriedFrom) parts.push({ text: 'Doorgezet uit de vorige periode.', italics: true, color: COLOR_MUTED, margin: [0, 0, 0, 1.5] });
  if (goal.result) {
    const perPupil = attainmentSummary(goal.attainment);
    parts.push({
      text: [
        { text: 'Resultaat: ', bold: true },
        { text: RESULT_LABELS[goal.result], bold: true },
        ...(clean(goal.resultNote) ? [` – ${clean(goal.resultNote)}`] : []),
        ...(perPupil ? [{ text: ` (per leerling: ${perPupil})`, color: COLOR_MUTED }] : []),
      ],
      margin: [0, 0, 0, 1.5],
    });
  }
  const evidenceLines = evidence.map(clean).filter(Boolean);
  if (evidenceLines.length > 0) {
    parts.push({
      stack: [
        { text: 'Toetsgegevens:', bold: true, color: COLOR_MUTED },
        ...evidenceLines.map((line) => ({ text: `• ${line}`, color: COLOR_MUTED, margin: [4, 0, 0, 0] as [number, number, number, number] })),
      ],
      fontSize: 6.5,
    });
  }
  return { stack: parts, margin: [0, 0, 0, 4] };
}

function goalsCell(item: PlanPdfInput['rows'][number], showDomain: boolean): TableCell {
  if (item.goals.length === 0) return { text: DASH };
  return { stack: item.goals.map((g, i) => goalBlock(g, i, showDomain)) };
}

function groupCell(item: PlanPdfInput['rows'][number], theme: boolean): TableCell {
  const parts: Content[] = [];
  if (theme) parts.push({ text: orDash(item.row.theme), bold: true, fontSize: 8.5, margin: [0, 0, 0, 2] });
  parts.push({ text: orDash(item.label), bold: !theme });
  const members = item.members.map(clean).filter(Boolean);
  const onlyThePupil = item.row.kind === 'pupil' && members.length <= 1;
  if (members.length > 0 && !onlyThePupil) {
    parts.push({ text: `${members.length} ${members.length === 1 ? 'leerling' : 'leerlingen'}:`, color: COLOR_MUTED, fontSize: 6.5, margin: [0, 2, 0, 0] });
    parts.push({ text: members.join(', '), fontSize: 6.5 });
  }
  return { stack: parts };
}

function textCell(...values: (string | null | undefined)[]): TableCell {
  const filled = values.map(clean).filter(Boolean);
  return { text: filled.length > 0 ? filled.join('\n\n') : DASH };
}

function organisationCell(row: PlanRow): TableCell {
  const o = row.organisation;
  const parts: Content[] = [];
  if (clean(o.who)) parts.push(labelled('Wie', o.who));
  if (o.minutesPerWeek != null) parts.push(labelled('Tijd', `${o.minutesPerWeek} minuten per week`));
  if (clean(o.moments)) parts.push(labelled('Wanneer', o.moments));
  if (clean(o.where)) parts.push(labelled('Waar', o.where));
  return parts.length > 0 ? { stack: parts } : { text: DASH };
}

function evaluationCell(row: PlanRow): TableCell {
  const e = row.evaluationPlan;
  const parts: Content[] = [];
  if (clean(e.who)) parts.push(labelled('Wie', e.who));
  if (clean(e.how)) parts.push(labelled('Hoe', e.how));
  if (clean(e.when)) parts.push(labelled('Wanneer', dutchDate(e.when)));
  return parts.length > 0 ? { stack: parts } : { text: DASH };
}

function planTable(input: PlanPdfInput, fontSize: number): Content {
  const format = input.format;
  const theme = format === 'theme';
  const merged = format === 'crossSubject';
  const widths = merged ? fitWidths([1.15, 2.8, 2.3, 1.3, 1.3]) : fitWidths([1.05, 2.5, 1.6, 1.7, 1.2, 1.2]);
  const header: TableCell[] = [
    headerCell(theme ? 'Thema en groep/namen' : 'Groep/namen'),
    merged
      ? headerCell('Doelen/gewenst gedrag', 'SEO + werkhouding/taakaanpak en/of basisvaardigheden TL, BL, SP, RK')
      : headerCell('Doelen'),
    ...(merged
      ? [headerCell('Inhoud/aanpak')]
      : [headerCell('Inhoud', 'Wat bied ik aan?'), headerCell('Aanpak/methodiek', 'Hoe bied ik het aan?')]),
    headerCell('Organisatie', 'Wie doet wat, wanneer en hoe vaak?'),
    headerCell('Evaluatie', 'Wie, hoe en wanneer?'),
  ];
  const body: TableCell[][] = input.rows.map((item) => [
    groupCell(item, theme),
    goalsCell(item, merged),
    ...(merged ? [textCell(item.row.content, item.row.approach)] : [textCell(item.row.content), textCell(item.row.approach)]),
    organisationCell(item.row),
    evaluationCell(item.row),
  ]);
  if (body.length === 0) {
    body.push([{ text: 'Dit groepsplan heeft nog geen rijen.', colSpan: widths.length, italics: true }, ...new Array(widths.length - 1).fill({})]);
  }
  return {
    table: { headerRows: 1, dontBreakRows: rowsFitOnAPage(body, widths, fontSize), widths, body: [header, ...body] },
    layout: tableLayout,
  };
}

function resultsSummary(input: PlanPdfInput): string | null {
  const goals = input.rows.flatMap((r) => r.goals.map((g) => g.goal));
  if (goals.length === 0) return null;
  const counts: Record<GoalResult, number> = { achieved: 0, partly: 0, notAchieved: 0 };
  let open = 0;
  for (const g of goals) {
    if (g.result && g.result in counts) counts[g.result] += 1;
    else open += 1;
  }
  if (open === goals.length) return null;
  const parts = (Object.keys(counts) as GoalResult[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${RESULT_LABELS[k]}`);
  if (open > 0) parts.push(`${open} nog niet geëvalueerd`);
  return `Doelen (${goals.length}): ${parts.join(', ')}.`;
}

function reflectionTable(reflection: PlanReflection | null): Content {
  const r = reflection ?? emptyReflection();
  const rows: [string, string, string][] = [
    ['Instructie', 'Heeft de (extra) instructie en begeleiding gewerkt?', r.instruction],
    ['Inhoud', 'Sloten de leerstof en het aanbod aan bij de doelen?', r.content],
    ['Tijd', 'Was de geplande tijd haalbaar en voldoende?', r.time],
    ['Ondersteuningsbehoefte leerkracht', 'Wat heeft de leerkracht nodig, en wat is afgesproken?', r.teacherSupport],
  ];
  const widths = [160, cellWidthsLeft([0, 0]) - 160];
  const body: TableCell[][] = rows.map(([label, hint, value]) => [
    { stack: [{ text: label, bold: true }, { text: hint, fontSize: 6.5, color: COLOR_MUTED }] },
    { text: orDash(value) },
  ]);
  return {
    table: { dontBreakRows: rowsFitOnAPage(body, widths, 8), widths, body },
    layout: { ...tableLayout, fillColor: (_row, _node, column) => (column === 0 ? '#eef2f6' : null) },
    fontSize: 8,
  };
}

function notesTable(notes: PlanPdfInput['notes']): Content {
  if (notes.length === 0) return { text: 'Er zijn nog geen notities over de uitvoering.', italics: true, fontSize: 8 };
  const widths = fitWidths([0.8, 1.5, 7, 1.5]);
  const body: TableCell[][] = notes.map((n) => [
    { text: orDash(dutchDate(n.notedOn)) },
    { text: clean(n.about) || 'Hele groep' },
    { text: orDash(n.text) },
    { text: orDash(n.author) },
  ]);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: rowsFitOnAPage(body, widths, 7.5),
      widths,
      body: [[headerCell('Datum'), headerCell('Betreft'), headerCell('Notitie'), headerCell('Door')], ...body],
    },
    layout: tableLayout,
    fontSize: 7.5,
  };
}

export async function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const fontSize = 7.5;
  const title = planTitle(input.format, input.subjectLabel);
  const vakspecifiek = input.format === 'convergent' || input.format === 'divergent';
  const fields: [string, string][] = [
    ['Groep', orDash(input.groupName)],
    ...(clean(input.subjectLabel) ? [['Vak', clean(input.subjectLabel)] as [string, string]] : []),
    ['Periode groepsplan', periodText(input.periodName, input.periodRange)],
    [vakspecifiek ? 'Docent/leerkracht' : 'Leerkracht/mentor', staffText(input.staff)],
    ['Datum', orDash(input.printedOn)],
    ['Status', `${orDash(input.status)} · ${revisionLabel(input.revision)}`],
  ];
  const summary = resultsSummary(input);
  const content: Content[] = [
    sectionTitle('Aandachtspunten voor de hele groep'),
    { text: orDash(input.attentionPoints), fontSize: 8, margin: [0, 0, 0, 6] },
    planTable(input, fontSize),
    sectionTitle('Evaluatie na afronding groepsplan'),
    ...(summary ? [{ text: summary, fontSize: 8, margin: [0, 0, 0, 4] } as Content] : []),
    reflectionTable(input.reflection),
    sectionTitle('Logboek uitvoering'),
    notesTable(input.notes),
  ];
  return renderPdf(documentDefinition({ schoolName: input.schoolName, title, fields }, input.printedOn, content, fontSize));
}
