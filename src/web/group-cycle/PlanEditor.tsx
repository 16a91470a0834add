// The groepsplan editor (Bijlagen 9–11 and the kleuter thema-planning): the whole-group attention points and per row
// (basisgroep/basisaanbod, subgroups, incidental pupil rows, themes) the goals, content, approach, organisation and
// evaluation plan. Saved as one document with its version; once the plan is set (vastgesteld) every save is a
// tussentijdse bijstelling with a reason, and the previous version is kept.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkRowSmart } from '../../domain/group-cycle/smart';
import { Alert, SelectField, SubmitButton, TextField } from '../shared/components';
import { comparePupils, formatDateTime, fullName } from '../shared/format';
import { GoalEditor } from './PlanGoalEditor';
import { editableJson, isoTimestamp, emptyGoal, emptyRow, newKey, ProblemList, rowLabel, SaveError, rowPupils, SmartHints, TextAreaField, withSavedEvaluation } from './PlanFields';
import { asApiError, planApi, type Goal, type PlanDetail, type PlanDocument, type PlanRow, type PlanSaved } from './planApi';
import type { ApiError } from '../shared/api';

function RowEditor({
  row,
  plan,
  onChange,
  onRemove,
  onAddGoal,
  focus,
}: {
  row: PlanRow;
  plan: PlanDetail;
  focus: (id: string) => void;
  onChange: (row: PlanRow) => void;
  onRemove: (() => void) | null;
  onAddGoal: () => void;
}) {
  const { t } = useTranslation();
  const name = rowLabel(t, row, plan);
  const members = rowPupils(row, plan);
  const savedRow = plan.doc.rows.find((r) => r.key === row.key);
  const rowProblems = plan.requirementProblems.filter((p) => p.rowKey === row.key && !p.goalKey);
  const headingId = `row-${row.key}-title`;
  const set = <K extends keyof PlanRow>(key: K, value: PlanRow[K]) => onChange({ ...row, [key]: value });
  const setGoal = (i: number, goal: Goal) => onChange({ ...row, goals: row.goals.map((g, j) => (j === i ? goal : g)) });
  const org = row.organisation;
  const ev = row.evaluationPlan;
  const id = (f: string) => `row-${row.key}-${f}`;

  return (
    <section className="plan-row card" aria-labelledby={headingId}>
      <div className="card-head">
        <h3 id={headingId} tabIndex={-1}>
          {name}
        </h3>
        {onRemove ? (
          <button type="button" className="button ghost small" onClick={onRemove}>
            {plan.format === 'theme' && row.kind !== 'pupil' ? t('groupPlan.rows.removeTheme') : t('groupPlan.rows.removePupil')}
            <span className="visually-hidden"> {name}</span>
          </button>
        ) : null}
      </div>
      {row.kind === 'cluster' || row.kind === 'pupil' ? (
        <p className="plan-members">
          <strong>{t('groupPlan.rows.members')}:</strong>{' '}
          {members.length > 0 ? [...members].sort(comparePupils).map(fullName).join(', ') : <span className="muted">{t('groupPlan.rows.noMembers')}</span>}
        </p>
      ) : (
        <p className="plan-members muted">{t('groupPlan.rows.wholeGroup', { count: plan.pupils.length })}</p>
      )}
      {plan.format === 'theme' ? <TextField label={t('groupPlan.rows.themeName')} value={row.theme} onChange={(v) => set('theme', v)} id={id('theme')} maxLength={200} /> : null}
      {rowProblems.length > 0 ? (
        <Alert kind="warning" title={t('groupPlan.requirements.rowTitle')}>
          <ProblemList problems={rowProblems} />
        </Alert>
      ) : null}

      <h4 className="plan-subhead">{t('groupPlan.rows.goals')}</h4>
      {row.goals.length === 0 ? <p className="empty">{t('groupPlan.rows.noGoals')}</p> : null}
      {row.goals.map((g, i) => (
        <GoalEditor
          key={g.key}
          goal={g}
          index={i}
          rowName={name}
          plan={plan}
          saved={savedRow?.goals.find((s) => s.key === g.key)}
          problems={plan.requirementProblems.filter((p) => p.goalKey === g.key)}
          onChange={(goal) => setGoal(i, goal)}
          onRemove={() => {
            onChange({ ...row, goals: row.goals.filter((_, j) => j !== i) });
            focus(headingId);
          }}
        />
      ))}
      <SmartHints findings={checkRowSmart(row)} />
      <p>
        <button type="button" className="button secondary small" onClick={onAddGoal}>
          {t('groupPlan.goal.add')}
          <span className="visually-hidden"> {t('groupPlan.goal.addTo', { row: name })}</span>
        </button>
      </p>

      <h4 className="plan-subhead">{t('groupPlan.rows.offer')}</h4>
      {plan.format === 'crossSubject' ? (
        <TextAreaField label={t('groupPlan.rows.contentApproach')} hint={t('groupPlan.rows.contentApproachHint')} value={row.content} onChange={(v) => set('content', v)} id={id('content')} maxLength={4000} />
      ) : (
        <div className="plan-two">
          <TextAreaField label={t('groupPlan.rows.content')} hint={t('groupPlan.rows.contentHint')} value={row.content} onChange={(v) => set('content', v)} id={id('content')} maxLength={4000} />
          <TextAreaField label={t('groupPlan.rows.approach')} hint={t('groupPlan.rows.approachHint')} value={row.approach} onChange={(v) => set('approach', v)} id={id('approach')} maxLength={4000} />
        </div>
      )}

      <fieldset className="plan-group">
        <legend>{t('groupPlan.rows.organisation', { row: name })}</legend>
        <div className="plan-four">
          <TextField
            label={t('groupPlan.rows.minutesPerWeek')}
            type="number"
            min={0}
            max={3000}
            step={5}
            inputMode="numeric"
            value={org.minutesPerWeek === null ? '' : String(org.minutesPerWeek)}
            onChange={(v) => set('organisation', { ...org, minutesPerWeek: v.trim() === '' || Number.isNaN(Number(v)) ? null : Math.max(0, Math.round(Number(v))) })}
            id={id('minutes')}
          />
          <TextField label={t('groupPlan.rows.who')} value={org.who} onChange={(v) => set('organisation', { ...org, who: v })} id={id('who')} maxLength={500} />
          <TextField label={t('groupPlan.rows.where')} value={org.where} onChange={(v) => set('organisation', { ...org, where: v })} id={id('where')} maxLength={500} />
          <TextField label={t('groupPlan.rows.moments')} hint={t('groupPlan.rows.momentsHint')} value={org.moments} onChange={(v) => set('organisation', { ...org, moments: v })} id={id('moments')} maxLength={500} />
        </div>
      </fieldset>

      <fieldset className="plan-group">
        <legend>{t('groupPlan.rows.evaluationPlan', { row: name })}</legend>
        <div className="plan-four">
          <TextField label={t('groupPlan.rows.evalWho')} value={ev.who} onChange={(v) => set('evaluationPlan', { ...ev, who: v })} id={id('evwho')} maxLength={500} />
          <TextField label={t('groupPlan.rows.evalHow')} value={ev.how} onChange={(v) => set('evaluationPlan', { ...ev, how: v })} id={id('evhow')} maxLength={1000} fieldClassName="span-2" />
          <TextField label={t('groupPlan.rows.evalWhen')} type="date" value={ev.when ?? ''} onChange={(v) => set('evaluationPlan', { ...ev, when: v || null })} id={id('evwhen')} />
        </div>
      </fieldset>
    </section>
  );
}

export function PlanEditor({
  plan,
  onSaved,
  onDiscard,
  onDirty,
}: {
  plan: PlanDetail;
  onSaved: (doc: PlanDocument, saved: PlanSaved) => void;
  /** Throws away the draft and loads the plan again (after a conflict). */
  onDiscard: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanDocument>(plan.doc);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [addPupil, setAddPupil] = useState('');
  /** The element to focus after the next render (a new goal's first field, a new row's heading). */
  const [focusId, setFocusId] = useState<string | null>(null);
  const savedJson = editableJson(plan.doc);
  const lastSaved = useRef(savedJson);
  const dirty = editableJson(draft) !== savedJson;
  const adjusting = plan.status === 'active';

  // A newer saved document (after a save, an evaluation or a reload) replaces the draft unless the user has changes.
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = editableJson(plan.doc);
    setDraft((d) => (editableJson(d) === before ? plan.doc : d));
  }, [plan.doc]);

  useEffect(() => {
    onDirty(dirty);
  }, [dirty, onDirty]);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const change = (next: PlanDocument) => {
    setDraft(next);
    setSaved(false);
  };
  const setRow = (key: string, row: PlanRow) => change({ ...draft, rows: draft.rows.map((r) => (r.key === key ? row : r)) });
  const removeRow = (key: string) => {
    change({ ...draft, rows: draft.rows.filter((r) => r.key !== key) });
    setFocusId('plan-add-title');
  };

  function addGoal(row: PlanRow) {
    const domain = row.goals[row.goals.length - 1]?.domain ?? draft.rows.flatMap((r) => r.goals)[0]?.domain ?? 'other';
    const key = newKey('g', draft);
    setRow(row.key, { ...row, goals: [...row.goals, emptyGoal(key, domain, null)] });
    setFocusId(`goal-${key}-what`);
  }

  const pupilRowIds = new Set(draft.rows.filter((r) => r.kind === 'pupil').map((r) => r.pupilId));
  const addablePupils = [...plan.pupils].filter((p) => !pupilRowIds.has(p.pupilId)).sort(comparePupils);

  function addPupilRow() {
    const pupilId = Number(addPupil);
    if (!pupilId) return;
    const key = newKey('r', draft);
    change({ ...draft, rows: [...draft.rows, emptyRow(key, 'pupil', { pupilId })] });
    setAddPupil('');
    setFocusId(`row-${key}-title`);
  }

  function addTheme() {
    const pupilRows = draft.rows.filter((r) => r.kind === 'pupil');
    const others = draft.rows.filter((r) => r.kind !== 'pupil');
    const key = newKey('r', draft);
    change({ ...draft, rows: [...others, emptyRow(key, 'base'), ...pupilRows] });
    setFocusId(`row-${key}-theme`);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setReasonError(undefined);
    if (adjusting && reason.trim().length < 3) {
      setReasonError(t('groupPlan.save.reasonRequired'));
      document.getElementById('plan-reason')?.focus();
      return;
    }
    const doc = withSavedEvaluation(draft, plan.doc);
    setBusy(true);
    try {
      const res = await planApi.save(plan.id, { version: plan.version, doc, ...(adjusting ? { reason: reason.trim() } : {}) });
      setReason('');
      setSaved(true);
      setDraft(doc);
      lastSaved.current = editableJson(doc);
      onSaved(doc, res);
    } catch (err) {
      const apiErr = asApiError(err);
      if (apiErr.fields.reason) setReasonError(apiErr.fields.reason);
      setError(apiErr);
    } finally {
      setBusy(false);
    }
  }

  const conflict = error?.status === 409 && error.code !== 'locked';
  // The server's messages about single fields (too long, a date that is not a date …), each once.
  const fieldMessages = error ? [...new Set(Object.entries(error.fields).filter(([k]) => k !== 'reason').map(([, m]) => m))] : [];
  const themeRows = draft.rows.filter((r) => r.kind !== 'pupil');

  return (
    <form onSubmit={submit} noValidate aria-labelledby="plan-editor-title" className="plan-editor">
      <h2 id="plan-editor-title">{adjusting ? t('groupPlan.editor.titleAdjust') : t('groupPlan.editor.title')}</h2>
      {adjusting ? (
        <Alert kind="info">
          <p>{t('groupPlan.editor.adjustInfo')}</p>
        </Alert>
      ) : (
        <p className="muted">{t('groupPlan.editor.intro')}</p>
      )}

      <section className="card" aria-labelledby="plan-attention-title">
        <h3 id="plan-attention-title">{t('groupPlan.editor.attentionTitle')}</h3>
        <TextAreaField
          label={t('groupPlan.editor.attentionPoints')}
          hint={t('groupPlan.editor.attentionHint')}
          value={draft.attentionPoints}
          onChange={(v) => change({ ...draft, attentionPoints: v })}
          rows={4}
          id="plan-attention"
          maxLength={4000}
        />
      </section>

      {draft.rows.map((row) => (
        <RowEditor
          key={row.key}
          row={row}
          plan={plan}
          onChange={(r) => setRow(row.key, r)}
          onRemove={row.kind === 'pupil' || (plan.format === 'theme' && row.kind === 'base' && themeRows.length > 1) ? () => removeRow(row.key) : null}
          onAddGoal={() => addGoal(row)}
          focus={setFocusId}
        />
      ))}

      <section className="card plan-add" aria-labelledby="plan-add-title">
        <h3 id="plan-add-title" tabIndex={-1}>
          {t('groupPlan.editor.addTitle')}
        </h3>
        <div className="form-row">
          <SelectField label={t('groupPlan.editor.addPupil')} hint={t('groupPlan.editor.addPupilHint')} value={addPupil} onChange={setAddPupil} id="plan-add-pupil">
            <option value="">{t('groupPlan.editor.choosePupil')}</option>
            {addablePupils.map((p) => (
              <option key={p.pupilId} value={p.pupilId}>
                {fullName(p)}
              </option>
            ))}
          </SelectField>
          <button type="button" className="button secondary" onClick={addPupilRow} disabled={!addPupil}>
            {t('groupPlan.editor.addPupilButton')}
          </button>
          {plan.format === 'theme' ? (
            <button type="button" className="button secondary" onClick={addTheme}>
              {t('groupPlan.editor.addTheme')}
            </button>
          ) : null}
        </div>
      </section>

      <div className="plan-savebar">
        {conflict ? (
          <Alert kind="error">
            <p>{t('groupPlan.save.conflict')}</p>
            <button type="button" className="button secondary" onClick={onDiscard}>
              {t('groupPlan.save.reload')}
            </button>
          </Alert>
        ) : error?.code === 'locked' ? (
          <Alert kind="error">
            <p>{error.message || t('groupPlan.save.locked')}</p>
          </Alert>
        ) : error && !(reasonError && Object.keys(error.fields).length === 1) ? (
          <SaveError error={error} fieldMessages={fieldMessages} title={t('groupPlan.save.fieldProblems')} />
        ) : null}
        {saved && !dirty ? (
          <Alert kind="success">
            <p>{plan.status === 'active' ? t('groupPlan.save.savedAdjustment', { revision: plan.revision }) : t('groupPlan.save.saved')}</p>
          </Alert>
        ) : null}
        {adjusting ? (
          <TextField
            label={t('groupPlan.save.reason')}
            hint={t('groupPlan.save.reasonHint')}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
            error={reasonError}
            id="plan-reason"
            maxLength={1000}
            fieldClassName="plan-reason"
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={busy}>{adjusting ? t('groupPlan.save.adjustButton') : t('groupPlan.save.button')}</SubmitButton>
          <span className={dirty ? 'plan-dirty' : 'muted'} role="status">
            {dirty ? t('groupPlan.save.dirty') : t('groupPlan.save.clean', { date: formatDateTime(isoTimestamp(plan.updatedAt)) })}
          </span>
        </div>
      </div>
    </form>
  );
}
