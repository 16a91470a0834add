import { z } from 'zod';
import { DOMAINS, DOMAIN_LABELS_NL, type Domain, momentLabel, momentOrder, parseMoment } from './instruments';
import { type LevelScale, compareLevels, levelMatches, parseLevel } from './scales';
import { SIGNAL_KINDS, type SignalKind } from './codes';

// Signalering: school rules that mark pupils who need attention (concern) or enrichment, each with its reason.
// Rules are data (a school edits them); evaluateSignals is pure, so a rule change simply re-evaluates.

export { SIGNAL_KINDS, type SignalKind };

const levelText = z.string().trim().min(1).max(4);

const common = {
  id: z.number().int().positive().optional(),
  /** Optimistic-lock version of a stored rule (the server checks it on PUT). */
  version: z.number().int().nonnegative().optional(),
  label: z.string().trim().min(2).max(120),
  /** Empty = every domain. */
  domains: z.array(z.enum(DOMAINS)),
  active: z.boolean(),
};

/** A rule: `{ kind, params, label, domains, active, id?, version? }`; params depend on the kind. */
export const signalRuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('lowLevel'), params: z.object({ levels: z.array(levelText).min(1).max(14) }) }),
  z.object({ ...common, kind: z.literal('levelDrop'), params: z.object({ steps: z.number().int().min(1).max(4) }) }),
  z.object({ ...common, kind: z.literal('delay'), params: z.object({ weeks: z.number().int().min(1).max(240) }) }),
  z.object({ ...common, kind: z.literal('consecutiveLow'), params: z.object({ level: levelText, count: z.number().int().min(2).max(12) }) }),
  z.object({
    ...common,
    kind: z.literal('dleBehindAtGrade'),
    params: z.object({ months: z.number().int().min(1).max(60), grade: z.number().int().min(3).max(8), part: z.enum(['M', 'E']) }),
  }),
  z.object({ ...common, kind: z.literal('highPerformer'), params: z.object({ levels: z.array(levelText).min(1).max(14) }) }),
]);
export type SignalRule = z.infer<typeof signalRuleSchema>;

/** The seeds' criteria (seed 002 §3.16/OPP criteria, seed 004 §004.5, seed 001 norm), as editable defaults. */
export const DEFAULT_SIGNAL_RULES: SignalRule[] = [
  { kind: 'lowLevel', label: 'Niveau V of E', domains: [], active: true, params: { levels: ['V', 'E'] } },
  { kind: 'levelDrop', label: 'Eén niveau of meer gedaald sinds het vorige toetsmoment', domains: [], active: true, params: { steps: 1 } },
  { kind: 'delay', label: 'Achterstand van 20 weken of meer', domains: [], active: true, params: { weeks: 20 } },
  { kind: 'consecutiveLow', label: 'Drie keer achter elkaar een E-score', domains: [], active: true, params: { level: 'E', count: 3 } },
  { kind: 'consecutiveLow', label: 'Drie keer achter elkaar een V-score', domains: [], active: true, params: { level: 'V', count: 3 } },
  { kind: 'dleBehindAtGrade', label: '10 DLE of meer achter aan het eind van groep 5', domains: [], active: true, params: { months: 10, grade: 5, part: 'E' } },
  { kind: 'highPerformer', label: 'Hoge scores (I+ of A): verrijking', domains: [], active: true, params: { levels: ['I+', 'A'] } },
];

/** One result of the pupil, as the server hands it over (dl computed from the pupil's grade history). */
export interface ResultPoint {
  instrumentId: number;
  instrumentName: string;
  domain: Domain;
  levelScale: LevelScale | null;
  moment: string;
  takenOn: string;
  schoolYearStartsOn: string;
  grade: number | null;
  level: string | null;
  dle: number | null;
  dl: number | null;
}

export interface Signal {
  ruleId: number | null;
  kind: SignalKind;
  tone: 'concern' | 'enrichment';
  domain: Domain;
  instrumentId: number;
  moment: string;
  reason: { code: string; params: Record<string, string | number> };
  /** Dutch. */
  message: string;
}

export const SIGNAL_MESSAGES_NL: Record<SignalKind, (p: Record<string, string | number>) => string> = {
  lowLevel: (p) => `Niveau ${p.level} bij ${p.instrument} (${p.momentLabel}).`,
  levelDrop: (p) =>
    `Gedaald van ${p.previousLevel} naar ${p.level} (${p.steps} ${Number(p.steps) === 1 ? 'niveau' : 'niveaus'}) bij ${p.instrument}, van ${p.previousMoment} naar ${p.moment}.`,
  delay: (p) => `Achterstand van ${p.weeks} weken bij ${p.instrument} (${p.momentLabel}): DLE ${p.dle} bij DL ${p.dl}.`,
  consecutiveLow: (p) => `${p.count} keer achter elkaar niveau ${p.level} of lager bij ${p.instrument} (${p.moments}).`,
  dleBehindAtGrade: (p) => `${p.behind} maanden DLE-achterstand ${p.momentLabel} bij ${p.instrument}: DLE ${p.dle} bij DL ${p.dl}.`,
  highPerformer: (p) => `Niveau ${p.level} bij ${p.instrument} (${p.momentLabel}): mogelijk behoefte aan verrijking.`,
};

/** The Dutch message of a signal reason (the web translates `reason.code` itself and falls back to this). */
export function signalMessage(kind: SignalKind, params: Record<string, string | number>): string {
  return SIGNAL_MESSAGES_NL[kind](params);
}

function chronological(a: ResultPoint, b: ResultPoint): number {
  if (a.schoolYearStartsOn !== b.schoolYearStartsOn) return a.schoolYearStartsOn < b.schoolYearStartsOn ? -1 : 1;
  return momentOrder(a.moment, b.moment) || (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0);
}

const round1 = (n: number) => Math.round(n * 10) / 10 + 0;

/**
 * Evaluates the school's active rules on ONE pupil's results. Level rules look at the latest result per instrument
 * (levelDrop compares it with the result before it; consecutiveLow with the ones before that); delay looks at the
 * latest result with a DL and DLE; dleBehindAtGrade at the result of the named moment (e.g. E5). At most one signal
 * per rule and instrument. Order: concerns first, then by domain, instrument and rule.
 */
export function evaluateSignals(rules: readonly SignalRule[], results: readonly ResultPoint[]): Signal[] {
  const byInstrument = new Map<number, ResultPoint[]>();
  for (const r of results) {
    const list = byInstrument.get(r.instrumentId);
    if (list) list.push(r);
    else byInstrument.set(r.instrumentId, [r]);
  }
  // Per instrument once: its results in time order, and those with a level on its scale (most rules look only at these).
  const histories = [...byInstrument.values()].map((history) => {
    history.sort(chronological);
    const scale = history[0].levelScale;
    return { history, withLevel: scale ? history.filter((r) => r.level !== null && parseLevel(scale, r.level)) : [] };
  });

  const signals: (Signal & { ruleIndex: number })[] = [];
  rules.forEach((rule, ruleIndex) => {
    if (!rule.active) return;
    for (const { history, withLevel } of histories) {
      const domain = history[0].domain;
      if (rule.domains.length && !rule.domains.includes(domain)) continue;
      const found = evaluateRule(rule, history, withLevel);
      if (!found) continue;
      const last = found.at;
      const params: Record<string, string | number> = {
        instrument: last.instrumentName,
        domain: DOMAIN_LABELS_NL[domain],
        moment: last.moment,
        momentLabel: momentLabel(last.moment, 'nl'),
        ...found.params,
      };
      signals.push({
        ruleId: rule.id ?? null,
        kind: rule.kind,
        tone: rule.kind === 'highPerformer' ? 'enrichment' : 'concern',
        domain,
        instrumentId: last.instrumentId,
        moment: last.moment,
        reason: { code: rule.kind, params },
        message: signalMessage(rule.kind, params),
        ruleIndex,
      });
    }
  });
  signals.sort(
    (a, b) =>
      (a.tone === b.tone ? 0 : a.tone === 'concern' ? -1 : 1) ||
      DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain) ||
      a.instrumentId - b.instrumentId ||
      a.ruleIndex - b.ruleIndex,
  );
  return signals.map(({ ruleIndex: _ignored, ...s }) => s);
}

function evaluateRule(rule: SignalRule, history: ResultPoint[], withLevel: ResultPoint[]): { at: ResultPoint; params: Record<string, string | number> } | null {
  const scale = history[0].levelScale;
  const latest = withLevel[withLevel.length - 1];
  switch (rule.kind) {
    case 'lowLevel':
    case 'highPerformer': {
      if (!scale || !latest) return null;
      // Only the latest result with a level counts: a pupil who has since improved gets no signal.
      const match = rule.params.levels.some((p) => levelMatches(scale, latest.level as string, p));
      return match ? { at: latest, params: { level: latest.level as string } } : null;
    }
    case 'levelDrop': {
      if (!scale || withLevel.length < 2) return null;
      const prev = withLevel[withLevel.length - 2];
      const steps = compareLevels(scale, latest.level as string, prev.level as string);
      if (steps < rule.params.steps) return null;
      return { at: latest, params: { level: latest.level as string, previousLevel: prev.level as string, previousMoment: prev.moment, steps } };
    }
    case 'consecutiveLow': {
      if (!scale || !parseLevel(scale, rule.params.level) || withLevel.length < rule.params.count) return null;
      const lastN = withLevel.slice(-rule.params.count);
      if (!lastN.every((r) => compareLevels(scale, r.level as string, rule.params.level) >= 0)) return null;
      return { at: latest, params: { level: rule.params.level, count: rule.params.count, moments: lastN.map((r) => r.moment).join(', ') } };
    }
    case 'delay': {
      const withDl = history.filter((r) => r.dl !== null && r.dle !== null);
      const r = withDl[withDl.length - 1];
      if (!r) return null;
      const exactWeeks = ((r.dl as number) - (r.dle as number)) * 4;
      if (exactWeeks < rule.params.weeks) return null; // compared unrounded: 19.6 weeks is not 20
      const weeks = Math.round(exactWeeks);
      return { at: r, params: { weeks, months: round1((r.dl as number) - (r.dle as number)), dle: r.dle as number, dl: r.dl as number } };
    }
    case 'dleBehindAtGrade': {
      const { grade, part, months } = rule.params;
      const atMoment = history.filter((r) => {
        const m = parseMoment(r.moment);
        return m && m.grade === grade && m.part === part && r.dle !== null;
      });
      const r = atMoment[atMoment.length - 1];
      if (!r) return null;
      const dl = r.dl ?? 10 * (grade - 3) + (part === 'M' ? 5 : 10);
      if (dl - (r.dle as number) < months) return null;
      const behind = round1(dl - (r.dle as number));
      return { at: r, params: { behind, dle: r.dle as number, dl, grade, part } };
    }
  }
}
