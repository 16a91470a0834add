// From the views the pages read to the inputs of the PDFs: Dutch labels for codes, names for ids.
import { DOMAIN_LABELS_NL, momentLabel } from '../../domain/assessments/instruments';
import type { SignalReason } from '../../domain/group-cycle/model';
import { dutchDate } from '../../domain/school/periods';
import type { OverviewPdfInput, PlanPdfInput } from './pdf';
import type { overviewView, planView } from './repo';

export const SIGNAL_REASON_LABELS_NL: Record<SignalReason, string> = {
  learningDelay: 'leerachterstand',
  ahead: 'leervoorsprong',
  socialEmotional: 'sociaal-emotioneel',
  behaviour: 'gedrag',
  learningStyle: 'eigen leerstijl',
  workAttitude: 'werkhouding/taakaanpak',
  talent: 'talent',
  decline: 'dalende lijn',
  homeSituation: 'thuissituatie',
};

const STATUS_NL = { draft: 'Concept', active: 'Vastgesteld', evaluated: 'Geëvalueerd' } as const;


const range = (p: { startsOn: string; endsOn: string }) => `${dutchDate(p.startsOn)} t/m ${dutchDate(p.endsOn)}`;
const subjectLabel = (subject: string | null) => (subject ? DOMAIN_LABELS_NL[subject as keyof typeof DOMAIN_LABELS_NL] ?? subject : null);

type OverviewView = Awaited<ReturnType<typeof overviewView>>;
type PlanView = Awaited<ReturnType<typeof planView>>;

export function overviewPdfInput(view: OverviewView, today: string): OverviewPdfInput {
  const clusterLabel = new Map(view.settings.clusters.map((c) => [c.key, c.label]));
  return {
    schoolName: view.schoolName, groupName: view.group.name, periodName: view.period.name, periodRange: range(view.period),
    form: view.form, subjectLabel: subjectLabel(view.subject), staff: view.staff.map((s) => s.name), printedOn: dutchDate(today),
    attentionPoints: view.attentionPoints, clusters: view.settings.clusters,
    instruments: view.instruments.map((i) => ({ id: i.id, name: i.name })),
    lines: view.lines.map((l) => ({
      name: `${l.firstName} ${l.lastName}`,
      signalled: l.fields.signalled,
      signalReasons: l.fields.signalReasons.map((r) => SIGNAL_REASON_LABELS_NL[r]),
      cluster: l.cluster ? clusterLabel.get(l.cluster) ?? l.cluster : null,
      results: l.results.map((c) => ({
        instrumentId: c.instrumentId,
        text: [momentLabel(c.moment, 'nl', view.group.sector), c.level ?? c.textValue, c.abilityScore != null ? `(${c.abilityScore})` : null].filter(Boolean).join(' '),
        belowNorm: c.belowNorm,
      })),
      signals: l.signals.map((s) => s.message),
      fields: l.fields,
    })),
  };
}

export function planPdfInput(view: PlanView, today: string): PlanPdfInput {
  const names = new Map(view.pupils.map((p) => [p.pupilId, `${p.firstName} ${p.lastName}`]));
  const clusterLabel = new Map(view.clusters.map((c) => [c.key, c.label]));
  const staffName = new Map(view.staff.map((s) => [s.userId, s.name]));
  const rowLabel = new Map<string, string>();
  const rows = view.doc.rows.map((row) => {
    const label = row.kind === 'base'
      ? (view.format === 'theme' ? `Thema: ${row.theme || '–'}` : view.format === 'crossSubject' ? 'Basisgroep' : 'Basisaanbod')
      : row.kind === 'cluster' ? clusterLabel.get(row.clusterKey ?? '') ?? row.clusterKey ?? ''
        : `Leerling: ${names.get(row.pupilId ?? 0) ?? ''}`;
    rowLabel.set(row.key, label);
    const members = row.kind === 'cluster' ? (view.members[row.clusterKey ?? ''] ?? []).map((m) => `${m.firstName} ${m.lastName}`)
      : row.kind === 'pupil' ? [names.get(row.pupilId ?? 0) ?? ''] : []; // the base row is the whole group: its label says so
    return {
      label, members, row,
      goals: row.goals.map((goal) => ({
        goal,
        ownerName: goal.ownerId != null ? staffName.get(goal.ownerId) ?? null : null,
        evidence: (view.evidence[goal.key] ?? []).map((e) => `${e.firstName} ${e.lastName}: ${momentLabel(e.moment, 'nl', view.group.sector)} ${e.level ?? ''}${e.abilityScore != null ? ` (${e.abilityScore})` : ''}${e.met == null ? '' : e.met ? ' – doel gehaald' : ' – doel niet gehaald'}`.replace(/\s+/g, ' ')),
      })),
    };
  });
  return {
    schoolName: view.schoolName, groupName: view.group.name, periodName: view.period.name, periodRange: range(view.period),
    format: view.format, status: STATUS_NL[view.status], revision: view.revision, staff: view.staff.map((s) => s.name), printedOn: dutchDate(today),
    attentionPoints: view.doc.attentionPoints, rows,
    reflection: view.status === 'draft' ? null : view.reflection,
    notes: view.notes.map((n) => ({
      notedOn: dutchDate(n.notedOn), text: n.text, author: n.authorName ?? '',
      about: n.pupilId != null ? names.get(n.pupilId) ?? null : n.rowKey ? rowLabel.get(n.rowKey) ?? null : null,
    })),
  };
}
