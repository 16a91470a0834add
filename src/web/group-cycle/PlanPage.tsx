// The groepsplan page (/groepsplannen/:id): the plan of one group for one period, written from its groepsoverzicht.
// Concept: edit and set it (vaststellen). Vastgesteld: adjust it with a reason (earlier versions kept), keep the
// logboek, evaluate it and finish the evaluation. Geëvalueerd: read-only, carry it forward to the next period.
// The intern begeleider's planwijzer sits at the bottom. Readers without edit rights see everything without inputs.
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Facts, LoadError, Loading, Page, Section } from '../shared/components';
import { formatDate, formatGrades } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { useApi } from '../shared/hooks';
import { ChecklistPanel } from './ChecklistPanel';
import { PlanEditor } from './PlanEditor';
import { PlanEvaluation } from './PlanEvaluation';
import { formatLabel, statusLabel, useUnsavedWarning } from './PlanFields';
import { PlanNotes } from './PlanNotes';
import { PlanRevisions } from './PlanRevisions';
import { PlanFinishEvaluation, PlanRollForward, PlanSetActive } from './PlanStatus';
import { PlanView } from './PlanView';
import { planApi, planPaths, type GoalEvaluation, type PlanDetail, type PlanDocument, type PlanNote, type PlanReflection, type PlanSaved } from './planApi';
import './plan.css';

type Part = 'editor' | 'evaluation' | 'checklist';

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const group = groupLabel(t, plan.group.name, plan.group.sector);
  return (
    <Facts
      items={[
        { label: t('groupPlan.header.group'), value: `${group}${plan.group.grades.length > 1 ? ` (${formatGrades(plan.group.grades)})` : ''}` },
        { label: t('groupPlan.header.school'), value: plan.schoolName },
        {
          label: t('groupPlan.header.period'),
          value: t('groupPlan.header.periodValue', { name: plan.period.name, from: formatDate(plan.period.startsOn), to: formatDate(plan.period.endsOn) }),
        },
        { label: t('groupPlan.header.format'), value: formatLabel(t, plan.format) },
        { label: t('groupPlan.header.status'), value: <span className={`badge plan-status plan-status-${plan.status}`}>{statusLabel(t, plan.status)}</span> },
        { label: t('groupPlan.header.revision'), value: plan.revision <= 1 ? t('groupPlan.header.noRevision', { revision: plan.revision }) : t('groupPlan.header.revisionValue', { revision: plan.revision, count: plan.revision - 1 }) },
      ]}
    />
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const planId = Number(id);
  const loaded = useApi<PlanDetail>(`/api/group-plans/${encodeURIComponent(id ?? '')}`);
  const { setData } = loaded;
  const plan = loaded.data;
  const [epoch, setEpoch] = useState(0);
  const [dirty, setDirty] = useState<Record<Part, boolean>>({ editor: false, evaluation: false, checklist: false });
  const onDirty = useMemo(() => {
    const make = (part: Part) => (d: boolean) => setDirty((cur) => (cur[part] === d ? cur : { ...cur, [part]: d }));
    return { editor: make('editor'), evaluation: make('evaluation'), checklist: make('checklist') };
  }, []);
  useUnsavedWarning(dirty.editor || dirty.evaluation || dirty.checklist);

  /** Loads the plan again in the background (revisions, evidence and problems the server derives). */
  const refresh = useCallback(() => {
    planApi.reload(planId).then(setData, () => undefined);
  }, [planId, setData]);

  /** Drops all unsaved changes and shows the plan as saved now (after a conflict). */
  const discard = useCallback(() => {
    planApi.reload(planId).then(
      (fresh) => {
        setData(fresh);
        setDirty({ editor: false, evaluation: false, checklist: false });
        setEpoch((n) => n + 1);
      },
      () => window.location.reload(),
    );
  }, [planId, setData]);

  if (loaded.error && !plan) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!plan || plan.id !== planId) return <Loading />;

  const group = groupLabel(t, plan.group.name, plan.group.sector);
  const editable = plan.canEdit && plan.status !== 'evaluated';

  function planSaved(doc: PlanDocument, saved: PlanSaved) {
    setData({ ...plan!, version: saved.version, revision: saved.revision, doc, smart: saved.smart, rowSmart: saved.rowSmart, requirementProblems: saved.requirementProblems });
    refresh();
  }

  function evaluationSaved(version: number, goals: GoalEvaluation[], reflection: PlanReflection) {
    const byKey = new Map(goals.map((g) => [g.goalKey, g]));
    const doc: PlanDocument = {
      ...plan!.doc,
      rows: plan!.doc.rows.map((r) => ({
        ...r,
        goals: r.goals.map((g) => {
          const e = byKey.get(g.key);
          return e ? { ...g, result: e.result, resultNote: e.resultNote, attainment: e.attainment } : g;
        }),
      })),
    };
    setData({ ...plan!, version, doc, reflection });
    refresh();
  }

  function noteAdded(note: PlanNote) {
    setData({ ...plan!, notes: [note, ...plan!.notes.filter((n) => n.id !== note.id)] });
  }

  const statusChanged = () => {
    setDirty({ editor: false, evaluation: false, checklist: false });
    refresh();
  };

  const showEvaluation = plan.status === 'active' || plan.status === 'evaluated';
  const toc = [
    { href: '#plan-content', label: t('groupPlan.toc.plan') },
    ...(plan.revisions.length > 0 || plan.status !== 'draft' ? [{ href: '#plan-revisions-title', label: t('groupPlan.toc.revisions') }] : []),
    { href: '#plan-notes-title', label: t('groupPlan.toc.notes') },
    ...(showEvaluation ? [{ href: '#plan-evaluation-title', label: t('groupPlan.toc.evaluation') }] : []),
    ...(plan.status === 'evaluated' ? [{ href: '#plan-roll-title', label: t('groupPlan.toc.rollForward') }] : []),
    { href: '#plan-checklist-title', label: t('groupPlan.toc.checklist') },
  ];

  return (
    <Page
      title={t('groupPlan.title', { group, period: plan.period.name })}
      actions={
        <>
          <a className="button secondary" href={planPaths.pdf(plan.id)} download>
            {t('groupPlan.header.pdf')}
          </a>
          <Link className="button secondary" to={`/groepsoverzichten/${plan.overviewId}`}>
            {t('groupPlan.header.overview')}
          </Link>
          <Link className="button secondary" to={`/groepen/${plan.group.id}/cyclus`}>
            {t('groupPlan.header.cycle')}
          </Link>
        </>
      }
    >
      <div className="plan-page">
        <div className="card plan-header">
          <PlanHeader plan={plan} />
          {!plan.canEdit ? <p className="muted">{t('groupPlan.header.readOnly')}</p> : null}
          <nav aria-label={t('groupPlan.toc.label')} className="plan-toc">
            <ul>
              {toc.map((l) => (
                <li key={l.href}>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>

        <div id="plan-content" tabIndex={-1} className="plan-anchor">
          {editable ? (
            <PlanEditor key={`editor-${epoch}`} plan={plan} onSaved={planSaved} onDiscard={discard} onDirty={onDirty.editor} />
          ) : (
            <Section title={t('groupPlan.view.title')}>
              <PlanView doc={plan.doc} plan={plan} />
            </Section>
          )}
        </div>

        {plan.status === 'draft' && plan.canEdit ? <PlanSetActive plan={plan} unsaved={dirty.editor} onChanged={statusChanged} /> : null}

        {plan.revisions.length > 0 || plan.status !== 'draft' ? <PlanRevisions plan={plan} /> : null}

        <PlanNotes plan={plan} canAdd={editable} onAdded={noteAdded} />

        {showEvaluation ? (
          <PlanEvaluation key={`evaluation-${epoch}`} plan={plan} editable={editable && plan.status === 'active'} onSaved={evaluationSaved} onDirty={onDirty.evaluation} onDiscard={discard} />
        ) : null}
        {plan.status === 'active' && plan.canEdit ? <PlanFinishEvaluation plan={plan} unsaved={dirty.evaluation || dirty.editor} onChanged={statusChanged} /> : null}

        {plan.status === 'evaluated' ? <PlanRollForward plan={plan} /> : null}

        <ChecklistPanel
          key={`checklist-${epoch}`}
          path={planPaths.checklist(plan.id)}
          template="planwijzer"
          editable={editable}
          onDirty={onDirty.checklist}
          title={t('groupCycle.checklist.plan.title')}
          headingId="plan-checklist-title"
          intro={<p className="muted">{t('groupCycle.checklist.plan.intro')}</p>}
        />
      </div>
    </Page>
  );
}
