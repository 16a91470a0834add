// Shared parts of the groepsplan screens: labels of rows, formats and statuses, a labelled text area, the SMART
// hints, problem lists and the warning before leaving a page with unsaved changes.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fullName } from '../shared/format';
import type { ApiError } from '../shared/api';
import { Alert, FormError } from '../shared/components';
import type { Goal, PlanDetail, PlanDocument, PlanFormat, PlanRow, PlanStatus, RequirementProblem, SmartFinding } from './planApi';

// ---------- labels ----------

export function formatLabel(t: TFunction, format: PlanFormat): string {
  return t(`groupPlan.formats.${format}`);
}

export function statusLabel(t: TFunction, status: PlanStatus): string {
  return t(`groupPlan.statuses.${status}`);
}

/** What the rows of a plan are called on screen: "Basisgroep", "Subgroep Intensief", "Leerling: Sanne de Vries", "Thema: Herfst". */
export function rowLabel(t: TFunction, row: PlanRow, plan: Pick<PlanDetail, 'format' | 'clusters' | 'pupils'>): string {
  const theme = plan.format === 'theme' && row.theme.trim() ? row.theme.trim() : '';
  if (row.kind === 'pupil') {
    const p = plan.pupils.find((x) => x.pupilId === row.pupilId);
    return t('groupPlan.rows.pupil', { name: p ? fullName(p) : t('groupPlan.rows.unknownPupil') });
  }
  if (row.kind === 'cluster') {
    const label = plan.clusters.find((c) => c.key === row.clusterKey)?.label ?? row.clusterKey ?? '';
    return theme ? t('groupPlan.rows.clusterTheme', { label, theme }) : t('groupPlan.rows.cluster', { label });
  }
  if (plan.format === 'theme') return theme ? t('groupPlan.rows.theme', { theme }) : t('groupPlan.rows.themeUnnamed');
  return plan.format === 'crossSubject' ? t('groupPlan.rows.baseGroup') : t('groupPlan.rows.baseOffer');
}

/** The pupils a row is about (a subgroup's members, the one pupil of a pupil row); empty for the whole group. */
export function rowPupils(row: PlanRow, plan: Pick<PlanDetail, 'members' | 'pupils'>): { pupilId: number; firstName: string; lastName: string }[] {
  if (row.kind === 'cluster' && row.clusterKey) return plan.members[row.clusterKey] ?? [];
  if (row.kind === 'pupil') return plan.pupils.filter((p) => p.pupilId === row.pupilId);
  return [];
}

/** A timestamp as Postgres writes it as text ("2026-11-24 10:05:00.123+00") in a form every browser parses. */
export function isoTimestamp(value: string | null | undefined): string {
  if (!value) return '';
  return value.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/([+-]\d{2})$/, '$1:00');
}

// ---------- documents ----------

/** A goal without the evaluation fields (those are written by the evaluation form, not by the plan editor). */
function planPart(goal: Goal) {
  const { result: _r, resultNote: _n, attainment: _a, ...rest } = goal;
  return rest;
}

/** The part of a plan document the plan editor edits, as a comparable string. */
export function editableJson(doc: PlanDocument): string {
  return JSON.stringify({ attentionPoints: doc.attentionPoints, rows: doc.rows.map((r) => ({ ...r, goals: r.goals.map(planPart) })) });
}

/** The draft of the editor with each goal's evaluation taken from the latest saved document. */
export function withSavedEvaluation(draft: PlanDocument, saved: PlanDocument): PlanDocument {
  const savedGoals = new Map(saved.rows.flatMap((r) => r.goals).map((g) => [g.key, g]));
  return {
    ...draft,
    rows: draft.rows.map((r) => ({
      ...r,
      goals: r.goals.map((g) => {
        const s = savedGoals.get(g.key);
        return s ? { ...g, result: s.result, resultNote: s.resultNote, attainment: s.attainment } : g;
      }),
    })),
  };
}

/** A key not yet used in the document: "r3", "g12". */
export function newKey(prefix: string, doc: PlanDocument): string {
  const used = new Set([...doc.rows.map((r) => r.key), ...doc.rows.flatMap((r) => r.goals.map((g) => g.key))]);
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}


// ---------- fields ----------


/** Text shown read-only, keeping the writer's line breaks; a dash when empty. */
export function Prose({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation();
  return text && text.trim() ? <span className="plan-prose">{text}</span> : <span className="muted">{t('groupPlan.view.empty')}</span>;
}

// ---------- SMART and requirements ----------

/** The SMART findings of a goal or row: a letter badge and the Dutch hint. Hints only; they never block saving. */
export function SmartHints({ findings, okText, id }: { findings: SmartFinding[]; okText?: string; id?: string }) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return okText ? (
      <p className="smart-ok" id={id}>
        <span className="smart-badge smart-badge-ok" aria-hidden="true">
          ✓
        </span>{' '}
        {okText}
      </p>
    ) : null;
  }
  return (
    <div className="smart-hints" id={id}>
      <p className="smart-title">{t('groupPlan.smart.title')}</p>
      <ul className="plain-list">
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} className="smart-hint">
            <span className="smart-badge" aria-hidden="true">
              {f.letter}
            </span>{' '}
            <strong>{t(`groupPlan.smart.letters.${f.letter}`)}:</strong> {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ProblemList({ problems }: { problems: RequirementProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        <li key={`${p.field}-${p.rowKey ?? ''}-${p.goalKey ?? ''}-${p.pupilId ?? ''}-${i}`}>{p.message}</li>
      ))}
    </ul>
  );
}

/** A refused save: the server's message and, under a title, each field's message once. */
export function SaveError({ error, fieldMessages, title }: { error: ApiError; fieldMessages: readonly string[]; title: string }) {
  return (
    <>
      <FormError error={error} />
      {fieldMessages.length > 0 ? (
        <Alert kind="error" title={title}>
          <ul className="problem-list">
            {fieldMessages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}

export { emptyGoal, emptyRow } from '../../domain/group-cycle/blank';
export { TextAreaField } from '../shared/components';
export { useUnsavedWarning } from './common';
