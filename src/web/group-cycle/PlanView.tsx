// A groepsplan document shown read-only: for readers without edit rights (the director), for an evaluated plan,
// and for the earlier versions kept at each tussentijdse bijstelling.
import { useTranslation } from 'react-i18next';
import { Facts } from '../shared/components';
import { comparePupils, formatDate, fullName } from '../shared/format';
import { Prose, rowLabel, rowPupils } from './PlanFields';
import type { Goal, PlanDetail, PlanDocument, PlanRow } from './planApi';

function GoalView({ goal, index, plan }: { goal: Goal; index: number; plan: PlanDetail }) {
  const { t } = useTranslation();
  const instrument = plan.instruments.find((i) => i.id === goal.instrumentId);
  const owner = plan.staff.find((s) => s.userId === goal.ownerId);
  const target = [goal.target, goal.targetLevel ? t('groupPlan.goal.levelOption', { level: goal.targetLevel }) : '', goal.targetScore !== null ? t('groupPlan.view.score', { score: goal.targetScore }) : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="plan-goal-view">
      <p className="plan-goal-what">
        <span className="badge badge-muted">{t('groupPlan.view.goalN', { n: index + 1 })}</span> <Prose text={goal.what} />
      </p>
      <Facts
        items={[
          { label: t('groupPlan.goal.domain'), value: t(`groupPlan.domains.${goal.domain}`) },
          { label: t('groupPlan.goal.measure'), value: <Prose text={goal.measure} /> },
          { label: t('groupPlan.goal.target'), value: <Prose text={target} /> },
          { label: t('groupPlan.view.instrument'), value: instrument?.name ?? t('groupPlan.goal.noInstrument') },
          { label: t('groupPlan.view.dueOn'), value: goal.dueOn ? formatDate(goal.dueOn) : <Prose text="" /> },
          { label: t('groupPlan.goal.owner'), value: owner?.name ?? t('groupPlan.goal.ownerDefault') },
          ...(goal.result
            ? [{ label: t('groupPlan.evaluation.result'), value: `${t(`groupPlan.results.${goal.result}`)}${goal.resultNote ? ` — ${goal.resultNote}` : ''}` }]
            : []),
        ]}
      />
    </li>
  );
}

function RowView({ row, plan, level }: { row: PlanRow; plan: PlanDetail; level: 3 | 4 }) {
  const { t } = useTranslation();
  const H = `h${level}` as 'h3' | 'h4';
  const members = rowPupils(row, plan);
  return (
    <section className="plan-row card plan-row-view">
      <H>{rowLabel(t, row, plan)}</H>
      {row.kind === 'base' ? (
        <p className="plan-members muted">{t('groupPlan.rows.wholeGroup', { count: plan.pupils.length })}</p>
      ) : (
        <p className="plan-members">
          <strong>{t('groupPlan.rows.members')}:</strong> {members.length > 0 ? [...members].sort(comparePupils).map(fullName).join(', ') : t('groupPlan.rows.noMembers')}
        </p>
      )}
      <p className="plan-label">{t('groupPlan.rows.goals')}</p>
      {row.goals.length === 0 ? (
        <p className="empty">{t('groupPlan.rows.noGoals')}</p>
      ) : (
        <ol className="plain-list plan-goal-list">
          {row.goals.map((g, i) => (
            <GoalView key={g.key} goal={g} index={i} plan={plan} />
          ))}
        </ol>
      )}
      <Facts
        items={[
          ...(plan.format === 'crossSubject'
            ? [{ label: t('groupPlan.rows.contentApproach'), value: <Prose text={row.content} /> }]
            : [
                { label: t('groupPlan.rows.content'), value: <Prose text={row.content} /> },
                { label: t('groupPlan.rows.approach'), value: <Prose text={row.approach} /> },
              ]),
          {
            label: t('groupPlan.view.organisation'),
            value: (
              <>
                {row.organisation.minutesPerWeek !== null ? <span className="small-line">{t('groupPlan.view.minutes', { count: row.organisation.minutesPerWeek })}</span> : null}
                {row.organisation.who ? <span className="small-line">{t('groupPlan.view.who', { who: row.organisation.who })}</span> : null}
                {row.organisation.where ? <span className="small-line">{t('groupPlan.view.where', { where: row.organisation.where })}</span> : null}
                {row.organisation.moments ? <span className="small-line">{t('groupPlan.view.moments', { moments: row.organisation.moments })}</span> : null}
                {row.organisation.minutesPerWeek === null && !row.organisation.who && !row.organisation.where && !row.organisation.moments ? <Prose text="" /> : null}
              </>
            ),
          },
          {
            label: t('groupPlan.view.evaluationPlan'),
            value: (
              <>
                {row.evaluationPlan.who ? <span className="small-line">{t('groupPlan.view.who', { who: row.evaluationPlan.who })}</span> : null}
                {row.evaluationPlan.how ? <span className="small-line">{t('groupPlan.view.how', { how: row.evaluationPlan.how })}</span> : null}
                {row.evaluationPlan.when ? <span className="small-line">{t('groupPlan.view.when', { date: formatDate(row.evaluationPlan.when) })}</span> : null}
                {!row.evaluationPlan.who && !row.evaluationPlan.how && !row.evaluationPlan.when ? <Prose text="" /> : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

/** The plan's attention points and rows, no inputs. `level` is the heading level of the rows. */
export function PlanView({ doc, plan, level = 3 }: { doc: PlanDocument; plan: PlanDetail; level?: 3 | 4 }) {
  const { t } = useTranslation();
  const H = `h${level}` as 'h3' | 'h4';
  return (
    <div className="plan-view">
      <section className="card">
        <H>{t('groupPlan.editor.attentionTitle')}</H>
        <p>
          <Prose text={doc.attentionPoints} />
        </p>
      </section>
      {doc.rows.map((row) => (
        <RowView key={row.key} row={row} plan={plan} level={level} />
      ))}
    </div>
  );
}
