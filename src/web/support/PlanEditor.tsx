// The working text of a handelingsplan or OPP: title and document in one form, saved with the plan's version
// (optimistic lock: a 409 offers to load the newest text). The findings of the last saved text are listed with it;
// SMART hints per goal follow the typing. Publishing (a numbered version for the parents) is a separate step.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanFinding, SupportPlanDoc } from '../../domain/support/model';
import type { Instrument } from '../assessments/types';
import { Alert, SubmitButton, TextField } from '../shared/components';
import type { ApiError } from '../shared/api';
import { asApiError } from '../group-cycle/planApi';
import { SaveError } from '../group-cycle/PlanFields';
import { ConflictAlert } from '../group-cycle/common';
import { savePlan, type PlanView } from './api';
import { ActionPlanFields } from './PlanEditorAction';
import { OppFields } from './PlanEditorOpp';
import { findingTarget } from './findingTarget';

function editableJson(title: string, doc: SupportPlanDoc): string {
  return JSON.stringify({ title, doc });
}

/** Growth points the user left completely empty are dropped; half-filled ones are a problem to fix first. */
function cleanGrowth(doc: SupportPlanDoc): { doc: SupportPlanDoc; incomplete: boolean } {
  if (doc.kind !== 'developmentPerspective') return { doc, incomplete: false };
  let incomplete = false;
  const domains = doc.domains.map((d) => ({
    ...d,
    growth: d.growth.filter((p) => {
      const hasDate = p.on.trim() !== '';
      const hasValue = Number.isFinite(p.value);
      if (hasDate !== hasValue) incomplete = true;
      return hasDate || hasValue;
    }),
  }));
  return { doc: { ...doc, domains }, incomplete };
}

/** Moves the focus to a control of the editor and brings it into view. */
function focusControl(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

export function FindingsList({ findings, stale, doc }: { findings: PlanFinding[]; stale: boolean; /** With the editor on screen: each finding moves the focus to its field. */ doc?: SupportPlanDoc }) {
  const { t } = useTranslation();
  return (
    <section className="card sp-findings" aria-labelledby="sp-findings-title">
      <h3 id="sp-findings-title">{t('support.plan.findings.title')}</h3>
      {findings.length === 0 ? (
        <p className="smart-ok">
          <span className="smart-badge smart-badge-ok" aria-hidden="true">
            ✓
          </span>{' '}
          {t('support.plan.findings.none')}
        </p>
      ) : (
        <>
          <p className="muted">{t('support.plan.findings.intro')}</p>
          <ul className="problem-list">
            {findings.map((f, i) => {
              const target = doc ? findingTarget(doc, f.field) : null;
              return (
                <li key={`${f.code}-${f.field ?? ''}-${i}`}>
                  {f.message}
                  {target ? (
                    <>
                      {' '}
                      <button type="button" className="button link" onClick={() => focusControl(target)}>
                        {t('support.plan.findings.goTo')}
                        <span className="visually-hidden">: {f.message}</span>
                      </button>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {stale ? <p className="muted">{t('support.plan.findings.stale')}</p> : null}
    </section>
  );
}

export function PlanEditor({
  pupilId,
  plan,
  instruments,
  onSaved,
  onDiscard,
  onDirty,
}: {
  pupilId: number;
  plan: PlanView;
  instruments: Instrument[];
  onSaved: (plan: PlanView) => void;
  /** Throws away the draft and loads the plan again (after a conflict). */
  onDiscard: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(plan.title);
  const [draft, setDraft] = useState<SupportPlanDoc>(plan.doc);
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedJson = editableJson(plan.title, plan.doc);
  const lastSaved = useRef(savedJson);
  const dirty = editableJson(title, draft) !== savedJson;
  const multi = plan.pupils.length + plan.otherPupils > 1;

  // A newer saved plan (after publishing, a status change or a reload) replaces the draft unless the user has changes.
  const current = useRef({ title, draft });
  current.current = { title, draft };
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = editableJson(plan.title, plan.doc);
    if (editableJson(current.current.title, current.current.draft) === before) {
      setTitle(plan.title);
      setDraft(plan.doc);
    }
  }, [plan.title, plan.doc]);

  useEffect(() => {
    onDirty(dirty);
  }, [dirty, onDirty]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setLocalError(null);
    if (!title.trim()) {
      setLocalError(t('support.page.titleRequired'));
      document.getElementById('sp-plan-title')?.focus();
      return;
    }
    const { doc, incomplete } = cleanGrowth(draft);
    if (incomplete) {
      setLocalError(t('support.plan.save.growthIncomplete'));
      return;
    }
    setBusy(true);
    try {
      const next = await savePlan(pupilId, plan.id, { version: plan.version, title: title.trim(), doc });
      setTitle(next.title);
      setDraft(next.doc);
      lastSaved.current = editableJson(next.title, next.doc);
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const conflict = error?.status === 409 && error.code === 'conflict';
  const fieldMessages = error ? [...new Set(Object.values(error.fields))] : [];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sp-editor-title" className="plan-editor sp-editor">
      <h2 id="sp-editor-title">{t('support.plan.editor.title')}</h2>
      {multi ? (
        <Alert kind="info">
          <p>{t('support.plan.editor.multiNote')}</p>
        </Alert>
      ) : null}
      <section className="card" aria-labelledby="sp-title-title">
        <h3 id="sp-title-title" className="visually-hidden">
          {t('support.plan.editor.titleField')}
        </h3>
        <TextField label={t('support.plan.editor.titleField')} value={title} onChange={(v) => { setTitle(v); setSaved(false); }} id="sp-plan-title" maxLength={200} required />
      </section>

      {draft.kind === 'actionPlan' ? (
        <ActionPlanFields
          doc={draft}
          onChange={(d) => {
            setDraft(d);
            setSaved(false);
          }}
          instruments={instruments}
          status={plan.status}
        />
      ) : (
        <OppFields
          doc={draft}
          onChange={(d) => {
            setDraft(d);
            setSaved(false);
          }}
          instruments={instruments}
        />
      )}

      <FindingsList findings={plan.findings} stale={dirty} doc={plan.doc} />

      <div className="plan-savebar">
        {conflict ? (
          <ConflictAlert onReload={onDiscard} />
        ) : error ? (
          <SaveError error={error} fieldMessages={fieldMessages} title={t('support.plan.save.fieldProblems')} />
        ) : null}
        {localError ? (
          <Alert kind="error">
            <p>{localError}</p>
          </Alert>
        ) : null}
        {saved && !dirty ? (
          <Alert kind="success">
            <p>{t('support.plan.save.saved')}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('support.plan.save.button')}</SubmitButton>
          <span className={dirty ? 'plan-dirty' : 'muted'} role="status">
            {dirty ? t('support.plan.save.dirty') : t('support.plan.save.clean')}
          </span>
        </div>
      </div>
    </form>
  );
}
