// The fields of a handelingsplan (Bijlage 12 vakoverstijgend / Bijlage 13 vakspecifiek, seed 000): term, problem,
// expectation, needs, SMART goals, content and approach, organisation, evaluation plan, agreements with parents, and —
// once the plan runs — the evaluation: a result per goal, a summary and the decision.
import { useTranslation } from 'react-i18next';
import { emptyGoal } from '../../domain/group-cycle/blank';
import { DOMAINS } from '../../domain/assessments/instruments';
import { GOAL_RESULTS } from '../../domain/group-cycle/model';
import {
  ACTION_PLAN_DECISIONS, ACTION_PLAN_FORMATS, type ActionPlanDecision, type ActionPlanDoc, type ActionPlanFormat, type Goal, type GoalResult,
  type SupportPlanStatus,
} from '../../domain/support/model';
import type { Instrument } from '../assessments/types';
import { domainLabel } from '../assessments/util';
import { SelectField, TextAreaField, TextField } from '../shared/components';
import { actionPlanFormatLabel, decisionLabel } from './labels';
import { freshKey, GoalFields, OrganisationFields, smartPeriod } from './PlanEditorFields';

export function ActionPlanFields({
  doc,
  onChange,
  instruments,
  status,
}: {
  doc: ActionPlanDoc;
  onChange: (doc: ActionPlanDoc) => void;
  instruments: Instrument[];
  status: SupportPlanStatus;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ActionPlanDoc>(key: K, value: ActionPlanDoc[K]) => onChange({ ...doc, [key]: value });
  const period = smartPeriod(doc.startsOn, doc.endsOn);
  const setGoal = (i: number, goal: Goal) => set('goals', doc.goals.map((g, j) => (j === i ? goal : g)));
  const showEvaluation = status === 'active' || status === 'evaluated';

  function addGoal() {
    const key = freshKey('g', doc.goals.map((g) => g.key));
    const domain = doc.goals[doc.goals.length - 1]?.domain ?? (doc.format === 'subject' && (DOMAINS as readonly string[]).includes(doc.subject) ? (doc.subject as Goal['domain']) : 'other');
    set('goals', [...doc.goals, emptyGoal(key, domain, doc.endsOn)]);
    setTimeout(() => document.getElementById(`sgoal-${key}-what`)?.focus(), 0);
  }

  return (
    <>
      <section className="card" aria-labelledby="hp-basics-title">
        <h3 id="hp-basics-title">{t('support.plan.editor.dates')}</h3>
        <div className="plan-four">
          <TextField label={t('support.plan.editor.startsOn')} type="date" value={doc.startsOn ?? ''} onChange={(v) => set('startsOn', v || null)} id="hp-starts" />
          <TextField label={t('support.plan.editor.endsOn')} type="date" value={doc.endsOn ?? ''} onChange={(v) => set('endsOn', v || null)} id="hp-ends" />
          <SelectField label={t('support.plan.editor.format')} value={doc.format} onChange={(v) => onChange({ ...doc, format: v as ActionPlanFormat, subject: v === 'subject' ? doc.subject : '' })} id="hp-format">
            {ACTION_PLAN_FORMATS.map((f) => (
              <option key={f} value={f}>
                {actionPlanFormatLabel(t, f)}
              </option>
            ))}
          </SelectField>
          {doc.format === 'subject' ? (
            <SelectField label={t('support.plan.editor.subject')} value={doc.subject} onChange={(v) => set('subject', v)} id="hp-subject">
              <option value="">{t('support.plan.editor.noSubject')}</option>
              {DOMAINS.map((d) => (
                <option key={d} value={d}>
                  {domainLabel(t, d)}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="hp-analysis-title">
        <h3 id="hp-analysis-title">{t('support.hp.analysisTitle')}</h3>
        <TextAreaField label={t('support.hp.problem')} value={doc.problem} onChange={(v) => set('problem', v)} rows={3} id="hp-problem" maxLength={4000} />
        <TextAreaField
          label={doc.format === 'subject' ? t('support.hp.expectationSubject') : t('support.hp.expectationCross')}
          value={doc.expectation}
          onChange={(v) => set('expectation', v)}
          rows={3}
          id="hp-expectation"
          maxLength={4000}
        />
        <TextAreaField label={t('support.hp.needs')} value={doc.needs} onChange={(v) => set('needs', v)} rows={4} id="hp-needs" maxLength={4000} />
      </section>

      <section className="card" aria-labelledby="hp-goals-title">
        <h3 id="hp-goals-title" tabIndex={-1}>
          {t('support.hp.goals')}
        </h3>
        {doc.goals.length === 0 ? <p className="empty">{t('support.doc.noGoals')}</p> : null}
        {doc.goals.map((g, i) => (
          <GoalFields
            key={g.key}
            goal={g}
            index={i}
            instruments={instruments}
            period={period}
            onChange={(goal) => setGoal(i, goal)}
            onRemove={() => {
              set('goals', doc.goals.filter((_, j) => j !== i));
              document.getElementById('hp-goals-title')?.focus();
            }}
          />
        ))}
        <button type="button" className="button secondary small" onClick={addGoal}>
          {t('support.goal.add')}
        </button>
      </section>

      <section className="card" aria-labelledby="hp-offer-title">
        <h3 id="hp-offer-title">{t('support.hp.offer')}</h3>
        <div className="plan-two">
          <TextAreaField label={t('support.hp.content')} value={doc.content} onChange={(v) => set('content', v)} rows={3} id="hp-content" maxLength={4000} />
          <TextAreaField label={t('support.hp.approach')} value={doc.approach} onChange={(v) => set('approach', v)} rows={3} id="hp-approach" maxLength={4000} />
        </div>
        <OrganisationFields org={doc.organisation} onChange={(o) => set('organisation', o)} idBase="hp-org" />
        <fieldset className="plan-group sp-fieldset">
          <legend>{t('support.hp.evaluationPlan')}</legend>
          <div className="plan-two">
            <TextField label={t('support.hp.evaluationHow')} value={doc.evaluationPlan.how} onChange={(v) => set('evaluationPlan', { ...doc.evaluationPlan, how: v })} id="hp-eval-how" maxLength={1000} />
            <TextField label={t('support.hp.evaluationWho')} value={doc.evaluationPlan.who} onChange={(v) => set('evaluationPlan', { ...doc.evaluationPlan, who: v })} id="hp-eval-who" maxLength={500} />
          </div>
        </fieldset>
        <TextAreaField label={t('support.doc.parentAgreements')} value={doc.parentAgreements} onChange={(v) => set('parentAgreements', v)} rows={2} id="hp-parents" maxLength={4000} />
      </section>

      {showEvaluation ? (
        <section className="card" aria-labelledby="hp-evaluation-title">
          <h3 id="hp-evaluation-title">{t('support.hp.evaluation')}</h3>
          <p className="muted">{t('support.plan.hp.evaluationIntro')}</p>
          {doc.goals.length === 0 ? <p className="empty">{t('support.doc.noGoals')}</p> : null}
          {doc.goals.map((g, i) => (
            <div key={g.key} className="sp-eval-goal">
              <p className="sp-eval-what">
                <span className="badge badge-muted">{t('support.doc.goalN', { n: i + 1 })}</span> {g.what.trim() || t('support.doc.empty')}
              </p>
              <div className="plan-two">
                <SelectField
                  label={t('support.plan.hp.resultFor', { n: i + 1 })}
                  value={g.result ?? ''}
                  onChange={(v) => setGoal(i, { ...g, result: (v || null) as GoalResult | null })}
                  id={`hp-result-${g.key}`}
                >
                  <option value="">{t('support.goal.noResult')}</option>
                  {GOAL_RESULTS.map((r) => (
                    <option key={r} value={r}>
                      {t(`support.labels.results.${r}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={<>{t('support.goal.resultNote')}<span className="visually-hidden"> {t('support.doc.goalN', { n: i + 1 })}</span></>}
                  value={g.resultNote}
                  onChange={(v) => setGoal(i, { ...g, resultNote: v })}
                  id={`hp-result-note-${g.key}`}
                  maxLength={2000}
                />
              </div>
            </div>
          ))}
          <TextAreaField
            label={t('support.hp.evaluationSummary')}
            value={doc.evaluation.summary}
            onChange={(v) => set('evaluation', { ...doc.evaluation, summary: v })}
            rows={3}
            id="hp-eval-summary"
            maxLength={4000}
          />
          <SelectField
            label={t('support.hp.decision')}
            value={doc.evaluation.decision ?? ''}
            onChange={(v) => set('evaluation', { ...doc.evaluation, decision: (v || null) as ActionPlanDecision | null })}
            id="hp-decision"
          >
            <option value="">{t('support.hp.noDecision')}</option>
            {ACTION_PLAN_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {decisionLabel(t, d)}
              </option>
            ))}
          </SelectField>
        </section>
      ) : null}
    </>
  );
}
