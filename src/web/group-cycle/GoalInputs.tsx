// The fields of one structured goal (Bijlage 6): domain, what, how it is measured, the target in words and — with an
// instrument — as a level or score, and the date. One component for the groepsplan and the individual plans (the
// goal is the same object); each passes its own texts (`groupPlan.goal` or `support.goal`, the same keys) and may add
// fields of its own (`children`, e.g. who is responsible).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { levelOptions } from '../../domain/assessments/scales';
import { DOMAINS } from '../../domain/assessments/instruments';
import { PEDAGOGICAL_DOMAINS, type Goal, type NeedDomain } from '../../domain/group-cycle/model';
import { SelectField, TextAreaField, TextField } from '../shared/components';
import { compareText } from '../shared/format';

export const NEED_DOMAINS: NeedDomain[] = [...PEDAGOGICAL_DOMAINS, ...DOMAINS, 'other'];

/** The texts of the goal fields, per document (the same keys in both catalogues; typed, so a missing key fails to compile). */
const GOAL_TEXT_KEYS = {
  'groupPlan.goal': {
    domain: 'groupPlan.goal.domain', what: 'groupPlan.goal.what', whatHint: 'groupPlan.goal.whatHint', measure: 'groupPlan.goal.measure',
    measureHint: 'groupPlan.goal.measureHint', target: 'groupPlan.goal.target', targetHint: 'groupPlan.goal.targetHint',
    dueOn: 'groupPlan.goal.dueOn', instrument: 'groupPlan.goal.instrument', noInstrument: 'groupPlan.goal.noInstrument',
    targetLevel: 'groupPlan.goal.targetLevel', noLevel: 'groupPlan.goal.noLevel', levelOption: 'groupPlan.goal.levelOption',
    targetScore: 'groupPlan.goal.targetScore',
  },
  'support.goal': {
    domain: 'support.goal.domain', what: 'support.goal.what', whatHint: 'support.goal.whatHint', measure: 'support.goal.measure',
    measureHint: 'support.goal.measureHint', target: 'support.goal.target', targetHint: 'support.goal.targetHint',
    dueOn: 'support.goal.dueOn', instrument: 'support.goal.instrument', noInstrument: 'support.goal.noInstrument',
    targetLevel: 'support.goal.targetLevel', noLevel: 'support.goal.noLevel', levelOption: 'support.goal.levelOption',
    targetScore: 'support.goal.targetScore',
  },
} as const;

export type GoalTexts = keyof typeof GOAL_TEXT_KEYS;

/** What the goal fields need to know of an instrument. */
export interface GoalInstrument { id: number; name: string; domain: string; levelScale: Parameters<typeof levelOptions>[0] | null }

/** A number input's value as a number (null when empty or not a number; a decimal comma counts). */
export function numberOrNull(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Choosing an instrument keeps a target level that exists on the new instrument's scale, drops the score without an
 * instrument, and gives an 'other' goal the instrument's domain.
 */
export function withInstrument(goal: Goal, next: GoalInstrument | null): Goal {
  const keepLevel = next?.levelScale && goal.targetLevel && levelOptions(next.levelScale).includes(goal.targetLevel);
  const domain = next && goal.domain === 'other' && (NEED_DOMAINS as string[]).includes(next.domain) ? (next.domain as NeedDomain) : goal.domain;
  return { ...goal, domain, instrumentId: next ? next.id : null, targetLevel: keepLevel ? goal.targetLevel : null, targetScore: next ? goal.targetScore : null };
}

export function GoalInputs({
  goal,
  onChange,
  instruments,
  idBase,
  texts,
  domainLabel,
  children,
}: {
  goal: Goal;
  onChange: (goal: Goal) => void;
  instruments: readonly GoalInstrument[];
  idBase: string;
  texts: GoalTexts;
  domainLabel: (domain: NeedDomain) => string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const k = GOAL_TEXT_KEYS[texts];
  const set = <K extends keyof Goal>(key: K, value: Goal[K]) => onChange({ ...goal, [key]: value });
  const instrument = instruments.find((i) => i.id === goal.instrumentId) ?? null;
  const sorted = [...instruments].sort((a, b) => compareText(a.name, b.name));
  return (
    <div className="plan-goal-grid">
      <SelectField label={t(k.domain)} value={goal.domain} onChange={(v) => set('domain', v as NeedDomain)} id={`${idBase}-domain`}>
        {NEED_DOMAINS.map((d) => (
          <option key={d} value={d}>
            {domainLabel(d)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t(k.what)}
        hint={t(k.whatHint)}
        value={goal.what}
        onChange={(v) => set('what', v)}
        rows={2}
        id={`${idBase}-what`}
        fieldClassName="span-2"
        maxLength={4000}
      />
      <TextField label={t(k.measure)} hint={t(k.measureHint)} value={goal.measure} onChange={(v) => set('measure', v)} id={`${idBase}-measure`} maxLength={4000} />
      <TextField label={t(k.target)} hint={t(k.targetHint)} value={goal.target} onChange={(v) => set('target', v)} id={`${idBase}-target`} maxLength={4000} />
      <TextField label={t(k.dueOn)} type="date" value={goal.dueOn ?? ''} onChange={(v) => set('dueOn', v || null)} id={`${idBase}-due`} />
      <SelectField
        label={t(k.instrument)}
        value={goal.instrumentId === null ? '' : String(goal.instrumentId)}
        onChange={(v) => onChange(withInstrument(goal, instruments.find((i) => String(i.id) === v) ?? null))}
        id={`${idBase}-instrument`}
      >
        <option value="">{t(k.noInstrument)}</option>
        {sorted.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </SelectField>
      {instrument?.levelScale ? (
        <SelectField label={t(k.targetLevel)} value={goal.targetLevel ?? ''} onChange={(v) => set('targetLevel', v || null)} id={`${idBase}-level`}>
          <option value="">{t(k.noLevel)}</option>
          {levelOptions(instrument.levelScale).map((l) => (
            <option key={l} value={l}>
              {t(k.levelOption, { level: l })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {instrument ? (
        <TextField
          label={t(k.targetScore)}
          type="number"
          inputMode="decimal"
          step="any"
          value={goal.targetScore === null ? '' : String(goal.targetScore)}
          onChange={(v) => set('targetScore', numberOrNull(v))}
          id={`${idBase}-score`}
        />
      ) : null}
      {children}
    </div>
  );
}
