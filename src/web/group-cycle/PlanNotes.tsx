// The logboek of a groepsplan: dated execution notes (what works, what needs attention, interim results), about the
// whole group, one row or one pupil. Newest first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, FormError, Section, SelectField, SubmitButton, TextField } from '../shared/components';
import { comparePupils, formatDate, formatDateTime, fullName } from '../shared/format';
import { useSubmit } from '../shared/hooks';
import { todayIso } from '../shared/format';
import { isoTimestamp, rowLabel, TextAreaField } from './PlanFields';
import { planApi, type PlanDetail, type PlanNote } from './planApi';

export function PlanNotes({ plan, canAdd, onAdded }: { plan: PlanDetail; canAdd: boolean; onAdded: (note: PlanNote) => void }) {
  const { t } = useTranslation();
  const [notedOn, setNotedOn] = useState(todayIso());
  const [text, setText] = useState('');
  const [about, setAbout] = useState('');
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState(false);
  const { busy, error, run } = useSubmit();

  const aboutText = (n: PlanNote): string | null => {
    if (n.pupilId !== null) {
      const p = plan.pupils.find((x) => x.pupilId === n.pupilId);
      return p ? fullName(p) : null;
    }
    if (n.rowKey !== null) {
      const row = plan.doc.rows.find((r) => r.key === n.rowKey);
      return row ? rowLabel(t, row, plan) : null;
    }
    return null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(false);
    if (!text.trim()) {
      setTextError(t('groupPlan.notes.textRequired'));
      document.getElementById('plan-note-text')?.focus();
      return;
    }
    setTextError(undefined);
    const rowKey = about.startsWith('r:') ? about.slice(2) : null;
    const pupilId = about.startsWith('p:') ? Number(about.slice(2)) : null;
    const note = await run(() => planApi.addNote(plan.id, { notedOn, text: text.trim(), rowKey, pupilId }));
    if (note) {
      onAdded(note);
      setText('');
      setAbout('');
      setAdded(true);
    }
  }

  const notes = [...plan.notes].sort((a, b) => b.notedOn.localeCompare(a.notedOn) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id);

  return (
    <Section title={t('groupPlan.notes.title')} id="plan-notes-title">
      <p className="muted">{t('groupPlan.notes.intro')}</p>
      {canAdd ? (
        <form onSubmit={submit} noValidate className="plan-note-form" aria-label={t('groupPlan.notes.formLabel')}>
          <div className="form-row">
            <TextField label={t('groupPlan.notes.date')} type="date" value={notedOn} onChange={setNotedOn} required id="plan-note-date" error={error?.fields.notedOn} />
            <SelectField label={t('groupPlan.notes.about')} value={about} onChange={setAbout} id="plan-note-about">
              <option value="">{t('groupPlan.notes.aboutGroup')}</option>
              <optgroup label={t('groupPlan.notes.aboutRows')}>
                {plan.doc.rows.map((r) => (
                  <option key={r.key} value={`r:${r.key}`}>
                    {rowLabel(t, r, plan)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('groupPlan.notes.aboutPupils')}>
                {[...plan.pupils].sort(comparePupils).map((p) => (
                  <option key={p.pupilId} value={`p:${p.pupilId}`}>
                    {fullName(p)}
                  </option>
                ))}
              </optgroup>
            </SelectField>
          </div>
          <TextAreaField
            label={t('groupPlan.notes.text')}
            value={text}
            onChange={(v) => {
              setText(v);
              setTextError(undefined);
            }}
            error={textError ?? error?.fields.text}
            id="plan-note-text"
            rows={3}
            maxLength={4000}
          />
          {error && !error.fields.text && !error.fields.notedOn ? <FormError error={error} /> : null}
          {added ? (
            <Alert kind="success">
              <p>{t('groupPlan.notes.added')}</p>
            </Alert>
          ) : null}
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('groupPlan.notes.add')}</SubmitButton>
          </div>
        </form>
      ) : null}
      {notes.length === 0 ? (
        <p className="empty">{t('groupPlan.notes.none')}</p>
      ) : (
        <ol className="plain-list plan-notes" aria-label={t('groupPlan.notes.listLabel')}>
          {notes.map((n) => {
            const aboutLabel = aboutText(n);
            return (
              <li key={n.id} className="plan-note">
                <p className="plan-note-head">
                  <strong>{formatDate(n.notedOn)}</strong>
                  {aboutLabel ? <span className="badge badge-muted">{aboutLabel}</span> : null}
                  <span className="muted">{t('groupPlan.notes.by', { name: n.authorName ?? t('groupPlan.view.empty'), date: formatDateTime(isoTimestamp(n.createdAt)) })}</span>
                </p>
                <p className="plan-prose">{n.text}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
