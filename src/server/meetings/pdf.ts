// PDF of a meeting's agenda (items with guidance, data points and the chair's notes; cases the reader may see) or its
// verslag (participants, the verslag form, per case the outcome, decisions and actions). Built from the MeetingView the
// reader gets, so it holds exactly what the reader may see. Rendered through ../pdf/render.ts (the one pdfmake set-up).
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { dutchDate } from '../../domain/school/periods';
import type { MeetingView } from '../../domain/meetings/views';
import { STATUS_NL } from '../../domain/meetings/rules';
import { renderPdf } from '../pdf/render';

export interface MeetingPdfInput {
  view: MeetingView;
  part: 'agenda' | 'minutes';
  schoolName: string;
  generatedOn: string;
}

const COLOR_MUTED = '#555555';
const COLOR_LABEL_FILL = '#f0f3f6';
const DASH = '–';

const gridLayout: CustomTableLayout = {
  hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#8c8c8c', vLineColor: () => '#8c8c8c',
  paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 3,
};

const clean = (v: string | null | undefined) => (v ?? '').replace(/\r\n?/g, '\n').trim();
const orDash = (v: string | null | undefined) => clean(v) || DASH;

const section = (text: string): Content => ({ text, bold: true, fontSize: 12, margin: [0, 12, 0, 4], headlineLevel: 1 });

function formTable(rows: [string, string][]): Content {
  return {
    table: { widths: [170, '*'], body: rows.map(([label, value]): TableCell[] => [{ text: label, bold: true, fillColor: COLOR_LABEL_FILL }, { text: orDash(value) }]) },
    layout: gridLayout, margin: [0, 0, 0, 6],
  };
}


function header(v: MeetingView, schoolName: string, what: string): Content[] {
  const when = `${dutchDate(v.heldOn)}${v.startsAt ? `, ${v.startsAt} uur` : ''} (${v.durationMinutes} minuten)`;
  return [
    { text: `${what}: ${v.title}`, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
    { text: schoolName, color: COLOR_MUTED, margin: [0, 0, 0, 8] },
    formTable([
      ['Datum', when],
      ['Plaats', v.location],
      ...(v.group ? [['Groep', v.group.name] as [string, string]] : []),
      ['Voorzitter', v.chair?.name ?? ''],
      ['Notulist', v.minuteTaker?.name ?? ''],
      ['Status', STATUS_NL[v.status]],
    ]),
  ];
}

function participants(v: MeetingView): Content {
  const label = { invited: 'uitgenodigd', present: 'aanwezig', absent: 'afwezig' } as const;
  if (v.participants.length === 0) return { text: DASH };
  return {
    ul: v.participants.map((p) => `${p.name}${p.kind === 'external' ? ` (${[p.role, p.organisation].filter(Boolean).join(', ')})` : ''} — ${label[p.attendance]}`),
    margin: [0, 0, 0, 4],
  };
}

function agendaContent(v: MeetingView): Content[] {
  const out: Content[] = [section('Agenda')];
  v.agenda.forEach((item, i) => {
    out.push({ text: `${i + 1}. ${item.title}${item.minutes ? ` (${item.minutes} min.)` : ''}`, bold: true, margin: [0, 6, 0, 2] });
    if (clean(item.guidance)) out.push({ text: clean(item.guidance), color: COLOR_MUTED, fontSize: 9, margin: [12, 0, 0, 2] });
    if (item.points.length > 0) out.push({ ul: item.points.map((p) => p.text), margin: [12, 0, 0, 2] });
    if (clean(item.note)) out.push({ text: [{ text: 'Bespreekpunt: ', bold: true }, clean(item.note)], margin: [12, 0, 0, 2] });
  });
  if (v.hiddenCases > 0) out.push({ text: `Daarnaast ${v.hiddenCases === 1 ? 'wordt 1 leerling' : `worden ${v.hiddenCases} leerlingen`} besproken die u niet kunt inzien.`, italics: true, margin: [0, 6, 0, 0] });
  if (v.questions.length > 0) {
    out.push(section('Ingebrachte vragen'));
    out.push({ ul: v.questions.map((q) => `${q.author?.name ?? ''}${q.kind === 'supportNeed' ? ' (ondersteuningsbehoefte)' : ''}: ${q.text}`) });
  }
  return out;
}

function minutesContent(v: MeetingView): Content[] {
  const out: Content[] = [section('Deelnemers'), participants(v), section('Verslag')];
  out.push(formTable(v.minutesForm.map((f) => [f.label, v.minutes[f.key] ?? ''])));
  for (const c of v.cases) {
    out.push(section(`Besproken: ${c.pupil.name}${c.pupil.groupName ? ` (groep/klas ${c.pupil.groupName})` : ''}`));
    out.push(formTable([
      ['Vraag', c.question],
      ...v.caseForm.outcome.map((f) => [f.label, c.outcome[f.key] ?? ''] as [string, string]),
      ['Casemanager', c.caseManager?.name ?? ''],
      ['Ouders vooraf op de hoogte', c.parentsInformed === 'yes' ? `ja${c.parentsInformedOn ? `, ${dutchDate(c.parentsInformedOn)}` : ''}` : c.parentsInformed === 'no' ? `nee: ${c.notInformedReason}` : ''],
      ['Terugkoppeling aan ouders', c.parentsToldOn ? dutchDate(c.parentsToldOn) : ''],
    ]));
  }
  if (v.hiddenCases > 0) out.push({ text: `${v.hiddenCases === 1 ? '1 besproken leerling is' : `${v.hiddenCases} besproken leerlingen zijn`} voor u niet zichtbaar.`, italics: true });
  out.push(section('Besluiten en acties'));
  if (v.actions.length === 0) out.push({ text: DASH });
  else {
    out.push({
      table: {
        headerRows: 1, widths: ['*', '*', 90, 60, 70],
        body: [
          ['Besluit', 'Actie', 'Wie', 'Uiterlijk', 'Gedaan'].map((h) => ({ text: h, bold: true, fillColor: COLOR_LABEL_FILL })),
          ...v.actions.map((a): TableCell[] => [
            orDash(a.decision), `${a.description}${a.pupil ? ` (${a.pupil.name})` : ''}`, a.owner.name, dutchDate(a.dueOn),
            a.done ? `${a.done.by}, ${dutchDate(a.done.at.slice(0, 10))}` : '',
          ]),
        ],
      },
      layout: gridLayout,
    });
  }
  return out;
}

export async function renderMeetingPdf(input: MeetingPdfInput): Promise<Buffer> {
  const { view, part } = input;
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: `${part === 'agenda' ? 'Agenda' : 'Verslag'} ${view.title}`, creator: 'Koers' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    content: [
      ...header(view, input.schoolName, part === 'agenda' ? 'Agenda' : 'Verslag'),
      ...(part === 'agenda' ? [section('Deelnemers'), participants(view), ...agendaContent(view)] : minutesContent(view)),
    ],
    footer: (page, pages) => ({
      text: `Koers — ${part === 'agenda' ? 'agenda' : 'verslag'} ${view.title}, ${dutchDate(view.heldOn)} — gemaakt op ${dutchDate(input.generatedOn)} — pagina ${page} van ${pages}. Vertrouwelijk.`,
      fontSize: 7, color: COLOR_MUTED, margin: [40, 10, 40, 0],
    }),
  };
  return renderPdf(def);
}
