// Evaluating a groepsplan at the end of its period (seed 003 4.6.2): per goal behaald / deels behaald / niet behaald
// with a note, per pupil within a subgroup, next to the evidence (results of the goal's instrument in the period);
// and the reflection on instruction, content, time and the teacher's own support need.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Empty, FormError, Section, SelectField, SubmitButton, TableWrap } from '../shared/components';
import { comparePupils, formatDate, fullName } from '../shared/format';
import { formatNumber } from '../assessments/util';
import type { ApiError } from '../shared/api';
import { Prose, rowLabel, rowPupils, TextAreaField } from './PlanFields';
import { GOAL_RESULTS } from '../../domain/group-cycle/model';
import { emptyReflection } from '../../domain/group-cycle/blank';
import { asApiError, planApi, type Goal, type GoalEvaluation, type GoalResult, type PlanDetail, type PlanReflection, type PlanRow } from './planApi';

type Answers = Record<string, { result: GoalResult | null; resultNote: string; attainment: Record<string, GoalResult> }>;

function answersOf(plan: PlanDetail): Answers {
  const out: Answers = {};
  for (const row of plan.doc.rows) for (const g of row.goals) out[g.key] = { result: g.result, resultNote: g.resultNote, attainment: { ...g.attainment } };
  return out;
}

const REFLECTION_FIELDS = ['instruction', 'content', 'time', 'teacherSupport'] as const;

function Evidence({ goal, plan }: { goal: Goal; plan: PlanDetail }) {
  const { t } = useTranslation();
  const instrument = plan.instruments.find((i) => i.id === goal.instrumentId);
  if (!instrument) return <p className="hint">{t('groupPlan.evidence.noInstrument')}</p>;
  const items = [...(plan.evidence[goal.key] ?? [])].sort((a, b) => comparePupils(a, b) || a.takenOn.localeCompare(b.takenOn));
  if (items.length === 0) return <p className="hint">{t('groupPlan.evidence.none', { instrument: instrument.name })}</p>;
  const metText = (met: boolean | null) => (met === true ? t('groupPlan.evidence.metYes') : met === false ? t('groupPlan.evidence.metNo') : t('groupPlan.evidence.metUnknown'));
  return (
    <TableWrap>
      <table className="plan-evidence">
        <caption>{t('groupPlan.evidence.caption', { instrument: instrument.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('groupPlan.evidence.pupil')}</th>
            <th scope="col">{t('groupPlan.evidence.moment')}</th>
            <th scope="col">{t('groupPlan.evidence.outcome')}</th>
            <th scope="col">{t('groupPlan.evidence.met')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e, i) => (
            <tr key={`${e.pupilId}-${e.moment}-${i}`}>
              <th scope="row">{fullName(e)}</th>
              <td>
                {e.moment}
                <span className="small-line muted">{formatDate(e.takenOn)}</span>
              </td>
              <td>{[e.level, e.abilityScore === null ? '' : t('groupPlan.evidence.scoreValue', { score: formatNumber(e.abilityScore) })].filter(Boolean).join(' · ') || '—'}</td>
              <td>
                <span className={`plan-met plan-met-${e.met === true ? 'yes' : e.met === false ? 'no' : 'unknown'}`}>{metText(e.met)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function GoalEvaluationFields({
  goal,
  index,
  row,
  plan,
  answer,
  editable,
  onChange,
}: {
  goal: Goal;
  index: number;
  row: PlanRow;
  plan: PlanDetail;
  answer: Answers[string];
  editable: boolean;
  onChange: (a: Answers[string]) => void;
}) {
  const { t } = useTranslation();
  const name = rowLabel(t, row, plan);
  const goalName = t('groupPlan.evaluation.goalName', { n: index + 1, row: name });
  const members = row.kind === 'cluster' ? [...rowPupils(row, plan)].sort(comparePupils) : [];
  const resultText = (r: GoalResult | null | undefined) => (r ? t(`groupPlan.results.${r}`) : t('groupPlan.evaluation.noResult'));

  return (
    <div className="plan-eval-goal">
      <h4>
        {goalName}
        <span className="plan-eval-what">{goal.what || t('groupPlan.view.empty')}</span>
      </h4>
      {goal.target || goal.targetLevel || goal.targetScore !== null ? (
        <p className="hint">
          {t('groupPlan.evaluation.target', {
            target: [goal.target, goal.targetLevel ? t('groupPlan.goal.levelOption', { level: goal.targetLevel }) : '', goal.targetScore !== null ? t('groupPlan.view.score', { score: goal.targetScore }) : '']
              .filter(Boolean)
              .join(' · '),
          })}
        </p>
      ) : null}
      <div className="plan-eval-grid">
        <div>
          {editable ? (
            <>
              <fieldset className="choice plan-result-choice">
                <legend>{t('groupPlan.evaluation.resultLegend', { goal: goalName })}</legend>
                {GOAL_RESULTS.map((r) => (
                  <label key={r}>
                    <input type="radio" name={`result-${goal.key}`} value={r} checked={answer.result === r} onChange={() => onChange({ ...answer, result: r })} />
                    {t(`groupPlan.results.${r}`)}
                  </label>
                ))}
              </fieldset>
              <TextAreaField
                label={t('groupPlan.evaluation.note', { goal: goalName })}
                value={answer.resultNote}
                onChange={(v) => onChange({ ...answer, resultNote: v })}
                rows={2}
                id={`eval-${goal.key}-note`}
                maxLength={4000}
              />
              {members.length > 0 ? (
                <fieldset className="plan-attainment">
                  <legend>{t('groupPlan.evaluation.perPupil', { goal: goalName })}</legend>
                  <p>
                    <button
                      type="button"
                      className="button ghost small"
                      disabled={!answer.result || members.every((p) => answer.attainment[String(p.pupilId)])}
                      onClick={() => {
                        if (!answer.result) return;
                        const next = { ...answer.attainment };
                        for (const p of members) if (!next[String(p.pupilId)]) next[String(p.pupilId)] = answer.result;
                        onChange({ ...answer, attainment: next });
                      }}
                    >
                      {t('groupPlan.evaluation.fillPupils')}
                    </button>
                  </p>
                  <div className="plan-attainment-grid">
                    {members.map((p) => (
                      <SelectField
                        key={p.pupilId}
                        label={fullName(p)}
                        value={answer.attainment[String(p.pupilId)] ?? ''}
                        onChange={(v) => {
                          const next = { ...answer.attainment };
                          if (v) next[String(p.pupilId)] = v as GoalResult;
                          else delete next[String(p.pupilId)];
                          onChange({ ...answer, attainment: next });
                        }}
                        id={`eval-${goal.key}-p${p.pupilId}`}
                      >
                        <option value="">{t('groupPlan.evaluation.noResult')}</option>
                        {GOAL_RESULTS.map((r) => (
                          <option key={r} value={r}>
                            {t(`groupPlan.results.${r}`)}
                          </option>
                        ))}
                      </SelectField>
                    ))}
                  </div>
                </fieldset>
              ) : null}
            </>
          ) : (
            <dl className="facts stacked">
              <div className="fact">
                <dt>{t('groupPlan.evaluation.result')}</dt>
                <dd>{resultText(answer.result)}</dd>
              </div>
              <div className="fact">
                <dt>{t('groupPlan.evaluation.noteShort')}</dt>
                <dd>
                  <Prose text={answer.resultNote} />
                </dd>
              </div>
              {members.length > 0 ? (
                <div className="fact">
                  <dt>{t('groupPlan.evaluation.perPupilShort')}</dt>
                  <dd>
                    <ul className="plain-list">
                      {members.map((p) => (
                        <li key={p.pupilId}>
                          {fullName(p)}: {resultText(answer.attainment[String(p.pupilId)])}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </dl>
          )}
        </div>
        <div className="plan-eval-evidence">
          <p className="plan-label">{t('groupPlan.evidence.title')}</p>
          <Evidence goal={goal} plan={plan} />
        </div>
      </div>
    </div>
  );
}

export function PlanEvaluation({
  plan,
  editable,
  onSaved,
  onDirty,
  onDiscard,
}: {
  plan: PlanDetail;
  editable: boolean;
  onDiscard: () => void;
  onSaved: (version: number, goals: GoalEvaluation[], reflection: PlanReflection) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const savedAnswers = answersOf(plan);
  const savedReflection = plan.reflection ?? emptyReflection();
  const savedJson = JSON.stringify([savedAnswers, savedReflection]);
  const [answers, setAnswers] = useState<Answers>(savedAnswers);
  const [reflection, setReflection] = useState<PlanReflection>(savedReflection);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const lastSaved = useRef(savedJson);
  const dirty = JSON.stringify([answers, reflection]) !== savedJson;

  const answersRef = useRef(answers);
  const reflectionRef = useRef(reflection);
  answersRef.current = answers;
  reflectionRef.current = reflection;

  // Follow the saved evaluation (after a save or reload) unless the user has changes of their own.
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = savedJson;
    if (before === savedJson) return;
    if (JSON.stringify([answersRef.current, reflectionRef.current]) === before) {
      const [a, r] = JSON.parse(savedJson) as [Answers, PlanReflection];
      setAnswers(a);
      setReflection(r);
    }
  }, [savedJson]);

  useEffect(() => {
    onDirty(editable && dirty);
  }, [editable, dirty, onDirty]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const goals: GoalEvaluation[] = plan.doc.rows.flatMap((row) =>
      row.goals.map((g) => {
        const a = answers[g.key] ?? { result: null, resultNote: '', attainment: {} };
        return { rowKey: row.key, goalKey: g.key, result: a.result, resultNote: a.resultNote, attainment: a.attainment };
      }),
    );
    setBusy(true);
    try {
      const res = await planApi.saveEvaluation(plan.id, { version: plan.version, goals, reflection });
      lastSaved.current = JSON.stringify([answers, reflection]);
      setSaved(true);
      onSaved(res.version, goals, reflection);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const goalCount = plan.doc.rows.reduce((n, r) => n + r.goals.length, 0);
  const done = Object.values(answers).filter((a) => a.result !== null).length;
  const conflict = error?.status === 409;

  const body = (
    <>
      {goalCount === 0 ? <Empty>{t('groupPlan.evaluation.noGoals')}</Empty> : null}
      {plan.doc.rows
        .filter((r) => r.goals.length > 0)
        .map((row) => (
          <section key={row.key} className="plan-eval-row" aria-labelledby={`eval-row-${row.key}`}>
            <h3 id={`eval-row-${row.key}`}>{rowLabel(t, row, plan)}</h3>
            {row.goals.map((g, i) => (
              <GoalEvaluationFields
                key={g.key}
                goal={g}
                index={i}
                row={row}
                plan={plan}
                answer={answers[g.key] ?? { result: null, resultNote: '', attainment: {} }}
                editable={editable}
                onChange={(a) => {
                  setAnswers({ ...answers, [g.key]: a });
                  setSaved(false);
                }}
              />
            ))}
          </section>
        ))}
      <section className="plan-eval-row" aria-labelledby="eval-reflection-title">
        <h3 id="eval-reflection-title">{t('groupPlan.reflection.title')}</h3>
        <p className="muted">{t('groupPlan.reflection.intro')}</p>
        {editable ? (
          <div className="plan-two">
            {REFLECTION_FIELDS.map((f) => (
              <TextAreaField
                key={f}
                label={t(`groupPlan.reflection.${f}`)}
                hint={t(`groupPlan.reflection.hints.${f}`)}
                value={reflection[f]}
                onChange={(v) => {
                  setReflection({ ...reflection, [f]: v });
                  setSaved(false);
                }}
                id={`reflection-${f}`}
                rows={3}
                maxLength={4000}
              />
            ))}
          </div>
        ) : (
          <dl className="facts stacked">
            {REFLECTION_FIELDS.map((f) => (
              <div className="fact" key={f}>
                <dt>{t(`groupPlan.reflection.${f}`)}</dt>
                <dd>
                  <Prose text={reflection[f]} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );

  return (
    <Section title={t('groupPlan.evaluation.title')} id="plan-evaluation-title">
      <p className="muted">{editable ? t('groupPlan.evaluation.intro') : plan.evaluatedOn ? t('groupPlan.evaluation.evaluatedOn', { date: formatDate(plan.evaluatedOn) }) : t('groupPlan.evaluation.readOnly')}</p>
      {editable ? (
        <form onSubmit={submit} noValidate aria-label={t('groupPlan.evaluation.formLabel')}>
          {body}
          {conflict ? (
            <Alert kind="error">
              <p>{error?.code === 'conflict' ? t('groupPlan.save.conflict') : error?.message || t('groupPlan.save.conflict')}</p>
              <button type="button" className="button secondary" onClick={onDiscard}>
                {t('groupPlan.save.reload')}
              </button>
            </Alert>
          ) : (
            <FormError error={error} />
          )}
          {saved && !dirty ? (
            <Alert kind="success">
              <p>{t('groupPlan.evaluation.saved')}</p>
            </Alert>
          ) : null}
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('groupPlan.evaluation.save')}</SubmitButton>
            <span className="muted">{t('groupPlan.evaluation.progress', { done, count: goalCount })}</span>
          </div>
        </form>
      ) : (
        body
      )}
    </Section>
  );
}
