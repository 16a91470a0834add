// One goal of a groepsplan row as a structured, SMART-checked set of fields (Bijlage 6): domain, what, how it is
// measured, the target (as words and, with an instrument, as a level or score), the date and who is responsible.
import { useTranslation } from 'react-i18next';
import { checkSmart } from '../../domain/group-cycle/smart';
import type { RequirementProblem } from '../../domain/group-cycle/model';
import { SelectField } from '../shared/components';
import { GoalInputs } from './GoalInputs';
import { ProblemList, SmartHints } from './PlanFields';
import type { Goal, PlanDetail, SmartFinding } from './planApi';

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
  const unchanged = saved !== undefined && goalJson(saved) === goalJson(goal);
  const findings: SmartFinding[] =
    unchanged && plan.smart[goal.key] ? plan.smart[goal.key] : checkSmart(goal, { periodStartsOn: plan.period.startsOn, periodEndsOn: plan.period.endsOn });
  const base = `goal-${goal.key}`;
  const legend = t('groupPlan.goal.legend', { n: index + 1, row: rowName });



  return (
    <fieldset className="plan-goal" aria-describedby={`${base}-smart`}>
      <legend>{legend}</legend>
      {goal.carriedFrom ? <p className="hint">{t('groupPlan.goal.carried')}</p> : null}
      <GoalInputs goal={goal} onChange={onChange} instruments={plan.instruments} idBase={base} texts="groupPlan.goal" domainLabel={(d) => t(`groupPlan.domains.${d}`)}>
        <SelectField label={t('groupPlan.goal.owner')} value={goal.ownerId === null ? '' : String(goal.ownerId)} onChange={(v) => set('ownerId', v ? Number(v) : null)} id={`${base}-owner`}>
          <option value="">{t('groupPlan.goal.ownerDefault')}</option>
          {plan.staff.map((s) => (
            <option key={s.userId} value={s.userId}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </GoalInputs>
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
