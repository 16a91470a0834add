// Building blocks of the handelingsplan and OPP editors: a SMART-checked goal, the organisation fields, a list of
// factors, a growth line and the list of people involved. Each control has its own label; lists can be extended and
// shortened with buttons that name what they act on.
import { useTranslation } from 'react-i18next';
import { checkSmart } from '../../domain/group-cycle/smart';
import type { Factor, FactorArea, Goal, GrowthPoint, InvolvedPerson, SupportOrganisation, SupportPlace } from '../../domain/support/model';
import { FACTOR_AREAS, SUPPORT_SETTINGS_PLACES } from '../../domain/support/model';
import type { Instrument } from '../assessments/types';
import { SelectField, TextField } from '../shared/components';
import { needDomainLabel } from '../group-cycle/common';
import { SmartHints } from '../group-cycle/PlanFields';
import { GoalInputs, numberOrNull } from '../group-cycle/GoalInputs';

export { numberOrNull };
import { factorAreaLabel, placeLabel } from './labels';
import '../group-cycle/plan.css';
import './support.css';

/** The plan period for the SMART date check; without dates every date counts as inside. */
export function smartPeriod(startsOn: string | null, endsOn: string | null): { periodStartsOn: string; periodEndsOn: string } {
  return { periodStartsOn: startsOn || '0000-01-01', periodEndsOn: endsOn || '9999-12-31' };
}

export { freshKey } from '../shared/format';

export function GoalFields({
  goal,
  index,
  context,
  instruments,
  period,
  onChange,
  onRemove,
}: {
  goal: Goal;
  index: number;
  /** What the goal belongs to, for the legend and the remove button ("Rekenen-wiskunde"). */
  context?: string;
  instruments: Instrument[];
  period: { periodStartsOn: string; periodEndsOn: string };
  onChange: (goal: Goal) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const findings = checkSmart(goal, period);
  const base = `sgoal-${goal.key}`;
  const legend = context ? `${t('support.goal.legend', { n: index + 1 })} — ${context}` : t('support.goal.legend', { n: index + 1 });



  return (
    <fieldset className="plan-goal" aria-describedby={`${base}-smart`}>
      <legend>{legend}</legend>
      <GoalInputs goal={goal} onChange={onChange} instruments={instruments} idBase={base} texts="support.goal" domainLabel={(d) => needDomainLabel(t, d)} />
      <SmartHints findings={findings} okText={t('support.goal.smartOk')} id={`${base}-smart`} />
      <div className="form-actions">
        <button type="button" className="button ghost small" onClick={onRemove}>
          {t('support.goal.remove')}
          <span className="visually-hidden"> {legend}</span>
        </button>
      </div>
    </fieldset>
  );
}

export function OrganisationFields({ org, onChange, idBase }: { org: SupportOrganisation; onChange: (org: SupportOrganisation) => void; idBase: string }) {
  const { t } = useTranslation();
  const set = <K extends keyof SupportOrganisation>(key: K, value: SupportOrganisation[K]) => onChange({ ...org, [key]: value });
  return (
    <fieldset className="plan-group sp-fieldset">
      <legend>{t('support.org.title')}</legend>
      <div className="plan-four">
        <TextField label={t('support.org.who')} value={org.who} onChange={(v) => set('who', v)} id={`${idBase}-who`} maxLength={500} />
        <TextField label={t('support.org.where')} value={org.where} onChange={(v) => set('where', v)} id={`${idBase}-where`} maxLength={500} />
        <SelectField label={t('support.org.place')} value={org.place} onChange={(v) => set('place', v as SupportPlace)} id={`${idBase}-place`}>
          {SUPPORT_SETTINGS_PLACES.map((p) => (
            <option key={p} value={p}>
              {placeLabel(t, p)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('support.org.minutesPerWeek')}
          type="number"
          min={0}
          max={3000}
          step={5}
          inputMode="numeric"
          value={org.minutesPerWeek === null ? '' : String(org.minutesPerWeek)}
          onChange={(v) => {
            const n = numberOrNull(v);
            set('minutesPerWeek', n === null ? null : Math.max(0, Math.round(n)));
          }}
          id={`${idBase}-minutes`}
        />
        <TextField label={t('support.org.when')} value={org.when} onChange={(v) => set('when', v)} id={`${idBase}-when`} maxLength={500} fieldClassName="span-2" />
        <TextField label={t('support.org.frequency')} value={org.frequency} onChange={(v) => set('frequency', v)} id={`${idBase}-frequency`} maxLength={500} fieldClassName="span-2" />
      </div>
    </fieldset>
  );
}

export function FactorsEditor({
  title,
  addLabel,
  factors,
  onChange,
  idBase,
}: {
  title: string;
  addLabel: string;
  factors: Factor[];
  onChange: (factors: Factor[]) => void;
  idBase: string;
}) {
  const { t } = useTranslation();
  const setAt = (i: number, f: Factor) => onChange(factors.map((x, j) => (j === i ? f : x)));
  function add() {
    onChange([...factors, { area: 'pupil', text: '' }]);
    setTimeout(() => document.getElementById(`${idBase}-${factors.length}-text`)?.focus(), 0);
  }
  return (
    <fieldset className="sp-fieldset sp-list-editor">
      <legend>{title}</legend>
      {factors.length === 0 ? <p className="empty">{t('support.doc.noFactors')}</p> : null}
      <ol className="plain-list">
        {factors.map((f, i) => {
          const label = `${title}: ${t('support.plan.opp.factorN', { n: i + 1 })}`;
          return (
            <li key={i} className="sp-list-row">
              <SelectField
                label={<>{t('support.plan.opp.factorArea')}<span className="visually-hidden"> {label}</span></>}
                value={f.area}
                onChange={(v) => setAt(i, { ...f, area: v as FactorArea })}
                id={`${idBase}-${i}-area`}
              >
                {FACTOR_AREAS.map((a) => (
                  <option key={a} value={a}>
                    {factorAreaLabel(t, a)}
                  </option>
                ))}
              </SelectField>
              <TextField label={<>{t('support.plan.opp.factorText')}<span className="visually-hidden"> {label}</span></>} value={f.text} onChange={(v) => setAt(i, { ...f, text: v })} id={`${idBase}-${i}-text`} maxLength={1000} fieldClassName="sp-grow" />
              <button
                type="button"
                className="button ghost small"
                onClick={() => {
                  onChange(factors.filter((_, j) => j !== i));
                  document.getElementById(`${idBase}-add`)?.focus();
                }}
              >
                {t('support.plan.opp.removeFactor')}
                <span className="visually-hidden"> {label}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button secondary small" onClick={add} id={`${idBase}-add`}>
        {addLabel}
      </button>
    </fieldset>
  );
}

export function GrowthEditor({
  points,
  onChange,
  idBase,
  context,
}: {
  points: GrowthPoint[];
  onChange: (points: GrowthPoint[]) => void;
  idBase: string;
  context: string;
}) {
  const { t } = useTranslation();
  const setAt = (i: number, p: GrowthPoint) => onChange(points.map((x, j) => (j === i ? p : x)));
  function add() {
    onChange([...points, { on: '', value: Number.NaN }]);
    setTimeout(() => document.getElementById(`${idBase}-${points.length}-on`)?.focus(), 0);
  }
  return (
    <fieldset className="sp-fieldset sp-list-editor">
      <legend>
        {t('support.plan.opp.growthTitle')}
        <span className="visually-hidden"> — {context}</span>
      </legend>
      <p className="hint">{t('support.plan.opp.growthHint')}</p>
      <ol className="plain-list">
        {points.map((p, i) => (
          <li key={i} className="sp-list-row">
            <span className="sp-row-label" aria-hidden="true">
              {t('support.plan.opp.growthPoint', { n: i + 1 })}
            </span>
            <TextField
              label={<>{t('support.plan.opp.growthDate')}<span className="visually-hidden"> {t('support.plan.opp.growthPoint', { n: i + 1 })}</span></>}
              type="date"
              value={p.on}
              onChange={(v) => setAt(i, { ...p, on: v })}
              id={`${idBase}-${i}-on`}
            />
            <TextField
              label={<>{t('support.plan.opp.growthValue')}<span className="visually-hidden"> {t('support.plan.opp.growthPoint', { n: i + 1 })}</span></>}
              type="number"
              inputMode="decimal"
              step="any"
              value={Number.isFinite(p.value) ? String(p.value) : ''}
              onChange={(v) => setAt(i, { ...p, value: numberOrNull(v) ?? Number.NaN })}
              id={`${idBase}-${i}-value`}
            />
            <button
              type="button"
              className="button ghost small"
              onClick={() => {
                onChange(points.filter((_, j) => j !== i));
                document.getElementById(`${idBase}-add`)?.focus();
              }}
            >
              {t('support.plan.opp.removePoint')}
              <span className="visually-hidden"> {t('support.plan.opp.growthPoint', { n: i + 1 })}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button secondary small" onClick={add} id={`${idBase}-add`}>
        {t('support.plan.opp.addPoint')}
        <span className="visually-hidden"> — {context}</span>
      </button>
    </fieldset>
  );
}

export function InvolvedEditor({ people, onChange }: { people: InvolvedPerson[]; onChange: (people: InvolvedPerson[]) => void }) {
  const { t } = useTranslation();
  const setAt = (i: number, p: InvolvedPerson) => onChange(people.map((x, j) => (j === i ? p : x)));
  function add() {
    onChange([...people, { name: '', role: '', organisation: '' }]);
    setTimeout(() => document.getElementById(`sp-involved-${people.length}-name`)?.focus(), 0);
  }
  return (
    <fieldset className="sp-fieldset sp-list-editor">
      <legend>{t('support.opp.involvedTitle')}</legend>
      {people.length === 0 ? <p className="empty">{t('support.doc.noInvolved')}</p> : null}
      <ol className="plain-list">
        {people.map((p, i) => {
          const n = t('support.plan.opp.personN', { n: i + 1 });
          const hidden = <span className="visually-hidden"> {n}</span>;
          return (
            <li key={i} className="sp-list-row">
              <TextField label={<>{t('support.plan.opp.personName')}{hidden}</>} value={p.name} onChange={(v) => setAt(i, { ...p, name: v })} id={`sp-involved-${i}-name`} maxLength={200} />
              <TextField label={<>{t('support.plan.opp.personRole')}{hidden}</>} value={p.role} onChange={(v) => setAt(i, { ...p, role: v })} id={`sp-involved-${i}-role`} maxLength={200} />
              <TextField label={<>{t('support.plan.opp.personOrganisation')}{hidden}</>} value={p.organisation} onChange={(v) => setAt(i, { ...p, organisation: v })} id={`sp-involved-${i}-org`} maxLength={200} />
              <button
                type="button"
                className="button ghost small"
                onClick={() => {
                  onChange(people.filter((_, j) => j !== i));
                  document.getElementById('sp-involved-add')?.focus();
                }}
              >
                {t('support.plan.opp.removePerson')}
                {hidden}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button secondary small" onClick={add} id="sp-involved-add">
        {t('support.plan.opp.addPerson')}
      </button>
    </fieldset>
  );
}
