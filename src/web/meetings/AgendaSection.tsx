// The preparation checklist (Bijlage 17, for the chair), the agenda Koers prepared from the data (per item the
// Toelichting, the chair's bespreekpunt and the data points: previous plan, results, signalled pupils, cases, open
// actions — each linking into Koers), editable in order, title and note, and the questions teachers hand in beforehand.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AgendaPoint, Preparation } from '../../domain/meetings/model';
import { CheckboxField, Empty, Section, SelectField, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDateTime, freshKey } from '../shared/format';
import { addQuestion, patchMeeting, type MeetingView } from './api';
import { PdfLink, SaveError, useAct } from './common';
import type { SectionProps } from './MeetingPage';

// ---------- checklist ----------

export function ChecklistSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const editable = !readOnly && meeting.can.edit;
  const [prep, setPrep] = useState<Preparation>(() => Object.fromEntries(meeting.checklist.map((c) => [c.key, { done: c.done, points: c.points }])));
  const [saved, setSaved] = useState(false);
  const { busy, error, act } = useAct();
  const open = meeting.checklist.filter((c) => !prep[c.key]?.done).length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const done = await act(() => patchMeeting(meeting.id, { version: meeting.version, preparation: prep }));
    if (done) {
      setSaved(true);
      onChanged(done.value);
    }
  }

  return (
    <Section title={t('meetings.checklist.heading')} id="mt-checklist">
      <p className="muted">{t('meetings.checklist.intro', { open, total: meeting.checklist.length })}</p>
      <form onSubmit={submit} aria-label={t('meetings.checklist.heading')}>
        <SaveError error={error} onReload={onChanged} />
        <ol className="mt-checklist">
          {meeting.checklist.map((c) => {
            const cur = prep[c.key] ?? { done: false, points: '' };
            return (
              <li key={c.key}>
                <CheckboxField
                  label={<strong>{c.title}</strong>}
                  hint={c.text}
                  checked={cur.done}
                  disabled={!editable}
                  onChange={(done) => setPrep((p) => ({ ...p, [c.key]: { ...cur, done } }))}
                />
                {editable ? (
                  <TextAreaField
                    id={`mt-check-${c.key}`}
                    label={t('meetings.checklist.points', { item: c.title })}
                    value={cur.points}
                    onChange={(points) => setPrep((p) => ({ ...p, [c.key]: { ...cur, points } }))}
                    rows={2}
                    maxLength={2000}
                  />
                ) : cur.points ? (
                  <p className="mt-pre">{cur.points}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
        <p role="status" className="mt-saved">{saved ? t('meetings.saved') : null}</p>
        {editable ? <SubmitButton busy={busy}>{t('meetings.checklist.save')}</SubmitButton> : null}
      </form>
    </Section>
  );
}

// ---------- agenda ----------

function PointLine({ point }: { point: AgendaPoint }) {
  const { t } = useTranslation();
  return (
    <li className={`mt-point mt-point-${point.kind}`}>
      <span className="mt-point-kind">{t(`meetings.pointKinds.${point.kind}`)}</span>{' '}
      {point.href ? <Link to={point.href}>{point.text}</Link> : <span>{point.text}</span>}
    </li>
  );
}

/** Data points shown at once under an agenda item; the rest behind "Nog … punten tonen". */
const SHOWN_POINTS = 6;

function AgendaEditor({ meeting, onChanged, onDone }: { meeting: MeetingView; onChanged: (value?: unknown) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AgendaItem[]>(() => meeting.agenda.map(({ key, title, guidance, minutes, note }) => ({ key, title, guidance, minutes, note })));
  const [minutesText, setMinutesText] = useState<string[]>(() => meeting.agenda.map((a) => (a.minutes === null ? '' : String(a.minutes))));
  const { busy, error, act } = useAct();
  const setItem = (i: number, patch: Partial<AgendaItem>) => setItems((cur) => cur.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  function move(i: number, by: -1 | 1) {
    const next = [...items];
    const nextMin = [...minutesText];
    const [it] = next.splice(i, 1);
    const [mi] = nextMin.splice(i, 1);
    next.splice(i + by, 0, it);
    nextMin.splice(i + by, 0, mi);
    setItems(next);
    setMinutesText(nextMin);
  }
  function remove(i: number) {
    setItems(items.filter((_, j) => j !== i));
    setMinutesText(minutesText.filter((_, j) => j !== i));
  }
  function add() {
    setItems([...items, { key: freshKey('custom-', items.map((i) => i.key)), title: '', guidance: '', minutes: null, note: '' }]);
    setMinutesText([...minutesText, '']);
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const agenda = items.map((it, i) => ({
      ...it,
      title: it.title.trim(),
      note: it.note.trim(),
      minutes: minutesText[i].trim() === '' ? null : Number(minutesText[i].trim()),
    }));
    const done = await act(() => patchMeeting(meeting.id, { version: meeting.version, agenda }));
    if (done) {
      onDone();
      onChanged(done.value);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.agenda.editTitle')}>
      <SaveError error={error} onReload={onChanged} />
      <ol className="mt-agenda-edit">
        {items.map((it, i) => {
          const name = it.title.trim() || t('meetings.agenda.itemN', { n: i + 1 });
          return (
            <li key={it.key}>
              <fieldset className="mt-agenda-item">
                <legend>{t('meetings.agenda.itemN', { n: i + 1 })}</legend>
                <div className="form-grid">
                  <TextField id={`mt-ag-title-${i}`} label={t('meetings.agenda.itemTitle')} value={it.title} onChange={(title) => setItem(i, { title })} maxLength={200} error={error?.fields[`agenda.${i}.title`]} />
                  <TextField id={`mt-ag-min-${i}`} label={t('meetings.agenda.minutes')} value={minutesText[i]} onChange={(v) => setMinutesText((cur) => cur.map((x, j) => (j === i ? v : x)))} inputMode="numeric" error={error?.fields[`agenda.${i}.minutes`]} />
                </div>
                {it.guidance ? <p className="hint">{it.guidance}</p> : null}
                <TextAreaField id={`mt-ag-note-${i}`} label={t('meetings.agenda.note')} value={it.note} onChange={(note) => setItem(i, { note })} rows={2} maxLength={4000} error={error?.fields[`agenda.${i}.note`]} />
                <div className="form-actions">
                  <button type="button" className="button secondary small" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('meetings.agenda.up')}
                    <span className="visually-hidden"> ({name})</span>
                  </button>
                  <button type="button" className="button secondary small" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                    {t('meetings.agenda.down')}
                    <span className="visually-hidden"> ({name})</span>
                  </button>
                  <button type="button" className="button secondary small" onClick={() => remove(i)}>
                    {t('common.remove')}
                    <span className="visually-hidden"> ({name})</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="button secondary" onClick={add}>
          {t('meetings.agenda.add')}
        </button>
      </p>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('meetings.agenda.save')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AgendaSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editable = !readOnly && meeting.can.edit;
  return (
    <Section
      title={t('meetings.agenda.heading')}
      id="mt-agenda"
      actions={
        <>
          <PdfLink meetingId={meeting.id} part="agenda" />
          {editable && !editing ? (
            <button type="button" className="button secondary small" onClick={() => setEditing(true)}>
              {t('meetings.agenda.edit')}
            </button>
          ) : null}
        </>
      }
    >
      <p className="muted">{t('meetings.agenda.intro')}</p>
      {editing ? (
        <AgendaEditor meeting={meeting} onChanged={onChanged} onDone={() => setEditing(false)} />
      ) : meeting.agenda.length === 0 ? (
        <Empty>{t('meetings.agenda.none')}</Empty>
      ) : (
        <ol className="mt-agenda">
          {meeting.agenda.map((a) => (
            <li key={a.key}>
              <h3>
                {a.title}
                {a.minutes !== null ? <span className="mt-minutes"> {t('meetings.agenda.minutesShort', { count: a.minutes })}</span> : null}
              </h3>
              {a.guidance ? <p className="mt-guidance">{a.guidance}</p> : null}
              {a.note ? (
                <p className="mt-note">
                  <strong>{t('meetings.agenda.noteLabel')}</strong> <span className="mt-pre">{a.note}</span>
                </p>
              ) : null}
              {a.points.length > 0 ? (
                <ul className="mt-points" aria-label={t('meetings.agenda.pointsOf', { item: a.title })}>
                  {a.points.slice(0, SHOWN_POINTS).map((p, i) => (
                    <PointLine key={`${p.kind}-${p.pupilId ?? ''}-${p.caseId ?? ''}-${p.actionId ?? ''}-${i}`} point={p} />
                  ))}
                </ul>
              ) : null}
              {a.points.length > SHOWN_POINTS ? (
                <details className="mt-more">
                  <summary>{t('meetings.agenda.morePoints', { count: a.points.length - SHOWN_POINTS })}</summary>
                  <ul className="mt-points" aria-label={t('meetings.agenda.pointsOf', { item: a.title })}>
                    {a.points.slice(SHOWN_POINTS).map((p, i) => (
                      <PointLine key={`${p.kind}-${p.pupilId ?? ''}-${p.caseId ?? ''}-${p.actionId ?? ''}-${i}`} point={p} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

// ---------- questions ----------

export function QuestionsSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'question' | 'supportNeed'>('question');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, act } = useAct();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSent(false);
    const done = await act(() => addQuestion(meeting.id, { kind, text: text.trim() }));
    if (done) {
      setText('');
      setSent(true);
      onChanged(done.value);
    }
  }
  return (
    <Section title={t('meetings.questions.heading')} id="mt-questions">
      {meeting.questions.length === 0 ? (
        <Empty>{t('meetings.questions.none')}</Empty>
      ) : (
        <ul className="plain-list mt-questions">
          {meeting.questions.map((q) => (
            <li key={q.id}>
              <span className="badge badge-muted">{t(`meetings.questions.kinds.${q.kind}`)}</span> <span className="mt-pre">{q.text}</span>
              <span className="small-line muted">{t('meetings.questions.by', { name: q.author?.name ?? t('common.none'), at: formatDateTime(q.createdAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && meeting.can.addQuestion ? (
        <form onSubmit={submit} noValidate className="mt-inline-form" aria-labelledby="mt-q-title">
          <h3 id="mt-q-title">{t('meetings.questions.formTitle')}</h3>
          <SaveError error={error} onReload={onChanged} />
          <SelectField id="mt-q-kind" label={t('meetings.questions.kind')} value={kind} onChange={(v) => setKind(v === 'supportNeed' ? 'supportNeed' : 'question')}>
            <option value="question">{t('meetings.questions.kinds.question')}</option>
            <option value="supportNeed">{t('meetings.questions.kinds.supportNeed')}</option>
          </SelectField>
          <TextAreaField id="mt-q-text" label={t('meetings.questions.text')} hint={t('meetings.questions.textHint')} value={text} onChange={setText} rows={3} maxLength={4000} error={error?.fields.text} />
          {sent ? <p role="status" className="mt-saved">{t('meetings.questions.sent')}</p> : null}
          <SubmitButton busy={busy}>{t('meetings.questions.submit')}</SubmitButton>
        </form>
      ) : null}
    </Section>
  );
}
