// One goal of a groepsplan row as a structured, SMART-checked set of fields (Bijlage 6): domain, what, how it is
// measured, the target (as words and, with an instrument, as a level or score), the date and who is responsible.
import { useTranslation } from 'react-i18next';
import { levelOptions } from '../../domain/assessments/scales';
import { checkSmart } from '../../domain/group-cycle/smart';
import { DOMAINS } from '../../domain/assessments/instruments';
import { PEDAGOGICAL_DOMAINS, type NeedDomain, type RequirementProblem } from '../../domain/group-cycle/model';
import { SelectField, TextField } from '../shared/components';
import { compareText } from '../shared/format';
import { ProblemList, SmartHints, TextAreaField } from './PlanFields';
import type { Goal, PlanDetail, SmartFinding } from './planApi';

export const NEED_DOMAINS: NeedDomain[] = [...PEDAGOGICAL_DOMAINS, ...DOMAINS, 'other'];

/** The goal without its evaluation, to tell whether it changed since the last save. */
function goalJson(goal: Goal): string {
  const { result: _r, resultNote: _n, attainment: _a, ...rest } = goal;
  return JSON.stringify(rest);
}

export function GoalEditor({
  goal,
  index,
  rowName,
  plan,
  saved,
  problems,
  onChange,
  onRemove,
}: {
  goal: Goal;
  index: number;
  rowName: string;
  plan: PlanDetail;
  /** The same goal as last saved (for the server's SMART findings), if any. */
  saved: Goal | undefined;
  problems: RequirementProblem[];
  onChange: (goal: Goal) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof Goal>(key: K, value: Goal[K]) => onChange({ ...goal, [key]: value });
  const instrument = plan.instruments.find((i) => i.id === goal.instrumentId) ?? null;
  const instruments = [...plan.instruments].sort((a, b) => compareText(a.name, b.name));
  const unchanged = saved !== undefined && goalJson(saved) === goalJson(goal);
  const findings: SmartFinding[] =
    unchanged && plan.smart[goal.key] ? plan.smart[goal.key] : checkSmart(goal, { periodStartsOn: plan.period.startsOn, periodEndsOn: plan.period.endsOn });
  const base = `goal-${goal.key}`;
  const legend = t('groupPlan.goal.legend', { n: index + 1, row: rowName });

  function chooseInstrument(value: string) {
    const next = plan.instruments.find((i) => String(i.id) === value) ?? null;
    const keepLevel = next?.levelScale && goal.targetLevel && levelOptions(next.levelScale).includes(goal.targetLevel);
    const domain = next && goal.domain === 'other' && (NEED_DOMAINS as string[]).includes(next.domain) ? (next.domain as NeedDomain) : goal.domain;
    onChange({
      ...goal,
      domain,
      instrumentId: next ? next.id : null,
      targetLevel: keepLevel ? goal.targetLevel : null,
      targetScore: next ? goal.targetScore : null,
    });
  }

  return (
    <fieldset className="plan-goal" aria-describedby={`${base}-smart`}>
      <legend>{legend}</legend>
      {goal.carriedFrom ? <p className="hint">{t('groupPlan.goal.carried')}</p> : null}
      <div className="plan-goal-grid">
        <SelectField label={t('groupPlan.goal.domain')} value={goal.domain} onChange={(v) => set('domain', v as NeedDomain)} id={`${base}-domain`}>
          {NEED_DOMAINS.map((d) => (
            <option key={d} value={d}>
              {t(`groupPlan.domains.${d}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('groupPlan.goal.what')}
          hint={t('groupPlan.goal.whatHint')}
          value={goal.what}
          onChange={(v) => set('what', v)}
          rows={2}
          id={`${base}-what`}
          fieldClassName="span-2"
          maxLength={4000}
        />
        <TextField label={t('groupPlan.goal.measure')} hint={t('groupPlan.goal.measureHint')} value={goal.measure} onChange={(v) => set('measure', v)} id={`${base}-measure`} maxLength={4000} />
        <TextField label={t('groupPlan.goal.target')} hint={t('groupPlan.goal.targetHint')} value={goal.target} onChange={(v) => set('target', v)} id={`${base}-target`} maxLength={4000} />
        <TextField label={t('groupPlan.goal.dueOn')} type="date" value={goal.dueOn ?? ''} onChange={(v) => set('dueOn', v || null)} id={`${base}-due`} />
        <SelectField label={t('groupPlan.goal.instrument')} value={goal.instrumentId === null ? '' : String(goal.instrumentId)} onChange={chooseInstrument} id={`${base}-instrument`}>
          <option value="">{t('groupPlan.goal.noInstrument')}</option>
          {instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
        {instrument?.levelScale ? (
          <SelectField label={t('groupPlan.goal.targetLevel')} value={goal.targetLevel ?? ''} onChange={(v) => set('targetLevel', v || null)} id={`${base}-level`}>
            <option value="">{t('groupPlan.goal.noLevel')}</option>
            {levelOptions(instrument.levelScale).map((l) => (
              <option key={l} value={l}>
                {t('groupPlan.goal.levelOption', { level: l })}
              </option>
            ))}
          </SelectField>
        ) : null}
        {instrument ? (
          <TextField
            label={t('groupPlan.goal.targetScore')}
            type="number"
            inputMode="decimal"
            step="any"
            value={goal.targetScore === null ? '' : String(goal.targetScore)}
            onChange={(v) => set('targetScore', v.trim() === '' || Number.isNaN(Number(v)) ? null : Number(v))}
            id={`${base}-score`}
          />
        ) : null}
        <SelectField label={t('groupPlan.goal.owner')} value={goal.ownerId === null ? '' : String(goal.ownerId)} onChange={(v) => set('ownerId', v ? Number(v) : null)} id={`${base}-owner`}>
          <option value="">{t('groupPlan.goal.ownerDefault')}</option>
          {plan.staff.map((s) => (
            <option key={s.userId} value={s.userId}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SmartHints findings={findings} okText={t('groupPlan.smart.ok')} id={`${base}-smart`} />
      {problems.length > 0 ? (
        <div className="plan-goal-problems">
          <p className="smart-title">{t('groupPlan.requirements.goalTitle')}</p>
          <ProblemList problems={problems} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button ghost small" onClick={onRemove}>
          {t('groupPlan.goal.remove')}
          <span className="visually-hidden"> {legend}</span>
        </button>
      </div>
    </fieldset>
  );
}
