// The logboek of a plan: dated working notes of the school (never shown to parents), newest first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanNoteView } from '../../domain/support/views';
import { Alert, FormError, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDate, todayIso } from '../shared/format';
import { useSubmit } from '../shared/hooks';
import { addNote, type PlanView } from './api';

export function NotesPanel({ pupilId, plan, canAdd, onAdded }: { pupilId: number; plan: PlanView; canAdd: boolean; onAdded: (note: PlanNoteView) => void }) {
  const { t } = useTranslation();
  const [notedOn, setNotedOn] = useState(todayIso());
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState(false);
  const { busy, error, run } = useSubmit();
  const notes = [...plan.notes].sort((a, b) => b.notedOn.localeCompare(a.notedOn) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(false);
    if (!text.trim()) {
      setTextError(t('support.plan.notes.textRequired'));
      document.getElementById('sp-note-text')?.focus();
      return;
    }
    setTextError(undefined);
    const note = await run(() => addNote(pupilId, plan.id, { notedOn, text: text.trim() }));
    if (note) {
      onAdded(note);
      setText('');
      setAdded(true);
    }
  }

  return (
    <section className="card" aria-labelledby="sp-notes-title">
      <h2 id="sp-notes-title">{t('support.plan.notes.title')}</h2>
      <p className="muted">{t('support.plan.notes.intro')}</p>
      {canAdd ? (
        <form onSubmit={submit} noValidate className="sp-inline-form" aria-label={t('support.plan.notes.add')}>
          <FormError error={error} />
          {added ? (
            <Alert kind="success">
              <p>{t('support.plan.notes.added')}</p>
            </Alert>
          ) : null}
          <TextField label={t('support.plan.notes.date')} type="date" value={notedOn} onChange={setNotedOn} required id="sp-note-date" error={error?.fields.notedOn} />
          <TextAreaField label={t('support.plan.notes.text')} value={text} onChange={setText} rows={3} id="sp-note-text" maxLength={4000} error={textError ?? error?.fields.text} />
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('support.plan.notes.add')}</SubmitButton>
          </div>
        </form>
      ) : null}
      {notes.length === 0 ? (
        <p className="empty">{t('support.plan.notes.none')}</p>
      ) : (
        <ol className="plain-list">
          {notes.map((n) => (
            <li key={n.id} className="sp-note">
              <p className="sp-note-head">
                <strong>{formatDate(n.notedOn)}</strong> <span className="muted">{t('support.plan.notes.by', { name: n.author.name })}</span>
              </p>
              <p className="sp-prose">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
