// The verslag (Bijlage 16 for a groepsbespreking, Bijlage 22's general part or a summary for the others) and the
// decisions with their actions (decision, action, owner, due date; done records when and by whom). The "Verslag (pdf)"
// prints what the user may see.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Section, SelectField, SubmitButton, TableWrap, TextAreaField, TextField } from '../shared/components';
import { formatDate, formatDateTime, todayIso } from '../shared/format';
import { addAction, completeAction, patchMeeting, type ActionView, type MeetingView } from './api';
import { FormFields, FormValues, PdfLink, SaveError, StaffOptions, useAct, useMeetingStaff } from './common';
import type { SectionProps } from './MeetingPage';

export function MinutesSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const editable = !readOnly && meeting.can.edit;
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [saved, setSaved] = useState(false);
  const { busy, error, act } = useAct();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const trimmed = Object.fromEntries(Object.entries(minutes).map(([k, v]) => [k, v.trim()]));
    const done = await act(() => patchMeeting(meeting.id, { version: meeting.version, minutes: trimmed }));
    if (done) {
      setSaved(true);
      onChanged(done.value);
    }
  }
  return (
    <Section
      title={t('meetings.minutes.heading')}
      id="mt-minutes"
      actions={<PdfLink meetingId={meeting.id} part="minutes" />}
    >
      {editable ? (
        <form onSubmit={submit} noValidate aria-label={t('meetings.minutes.heading')}>
          <p className="muted">{t('meetings.minutes.intro')}</p>
          <SaveError error={error} onReload={onChanged} />
          <FormFields fields={meeting.minutesForm} values={minutes} onChange={setMinutes} idPrefix="mt-minutes" error={error} errorPrefix="minutes." />
          <p role="status" className="mt-saved">{saved ? t('meetings.saved') : null}</p>
          <SubmitButton busy={busy}>{t('meetings.minutes.save')}</SubmitButton>
        </form>
      ) : (
        <FormValues fields={meeting.minutesForm} values={meeting.minutes} />
      )}
    </Section>
  );
}

function AddAction({ meeting, onChanged }: { meeting: MeetingView; onChanged: (value?: unknown) => void }) {
  const { t } = useTranslation();
  const staff = useMeetingStaff(meeting);
  const [decision, setDecision] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [caseId, setCaseId] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, error, act } = useAct();
  const err = (k: string) => local[k] ?? error?.fields[k];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!ownerId) problems.ownerId = t('meetings.actions.ownerRequired');
    if (!dueOn) problems.dueOn = t('meetings.actions.dueRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(problems.ownerId ? 'mt-act-owner' : 'mt-act-due')?.focus();
      return;
    }
    const done = await act(() => addAction(meeting.id, { decision: decision.trim(), description: description.trim(), ownerId: Number(ownerId), dueOn, caseId: caseId ? Number(caseId) : null }));
    if (done) {
      setDecision('');
      setDescription('');
      setOwnerId('');
      setDueOn('');
      setCaseId('');
      onChanged(done.value);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="mt-inline-form" aria-labelledby="mt-act-title">
      <h3 id="mt-act-title">{t('meetings.actions.formTitle')}</h3>
      <SaveError error={error} onReload={onChanged} />
      <TextAreaField id="mt-act-decision" label={t('meetings.actions.decision')} hint={t('meetings.actions.decisionHint')} value={decision} onChange={setDecision} rows={2} maxLength={2000} error={err('decision')} />
      <TextField id="mt-act-description" label={t('meetings.actions.description')} hint={t('meetings.actions.descriptionHint')} value={description} onChange={setDescription} maxLength={500} error={err('description')} />
      <div className="form-grid">
        <SelectField id="mt-act-owner" label={t('meetings.actions.owner')} value={ownerId} onChange={setOwnerId} error={err('ownerId')}>
          <option value="">{t('common.choose')}</option>
          <StaffOptions staff={staff} />
        </SelectField>
        <TextField id="mt-act-due" type="date" label={t('meetings.actions.dueOn')} value={dueOn} onChange={setDueOn} min={todayIso()} error={err('dueOn')} />
        {meeting.cases.length > 0 ? (
          <SelectField id="mt-act-case" label={t('meetings.actions.case')} value={caseId} onChange={setCaseId} error={err('caseId')}>
            <option value="">{t('meetings.actions.noCase')}</option>
            {meeting.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.pupil.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <SubmitButton busy={busy}>{t('meetings.actions.submit')}</SubmitButton>
    </form>
  );
}

/** Mark an action done (with a note) or open it again. */
function ActionDone({ action, onChanged }: { action: ActionView; onChanged: (value?: unknown) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, act } = useAct();
  const base = `mt-done-${action.id}`;
  if (!action.can.complete) return null;
  if (action.done) {
    return (
      <>
        <SaveError error={error} onReload={onChanged} />
        <button
          type="button"
          className="button ghost small"
          disabled={busy}
          onClick={async () => {
            const done = await act(() => completeAction(action.meetingId, action.id, { version: action.version, done: false }));
            if (done) onChanged(done.value);
          }}
        >
          {t('meetings.actions.reopen')}
          <span className="visually-hidden"> {action.description}</span>
        </button>
      </>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
        {t('meetings.actions.markDone')}
        <span className="visually-hidden"> {action.description}</span>
      </button>
    );
  }
  return (
    <form
      className="mt-done-form"
      aria-label={t('meetings.actions.doneFormOf', { action: action.description })}
      onSubmit={async (e) => {
        e.preventDefault();
        const done = await act(() => completeAction(action.meetingId, action.id, { version: action.version, done: true, note: note.trim() }));
        if (done) {
          setOpen(false);
          onChanged(done.value);
        }
      }}
    >
      <SaveError error={error} onReload={onChanged} />
      <TextField id={`${base}-note`} label={t('meetings.actions.doneNote')} value={note} onChange={setNote} maxLength={1000} />
      <div className="form-actions">
        <SubmitButton busy={busy} className="small">{t('meetings.actions.confirmDone')}</SubmitButton>
        <button type="button" className="button ghost small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The state of an action in words: done by whom when, overdue, or open until its date. */
function ActionState({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  if (action.done) {
    return (
      <span className="mt-done">
        {t('meetings.actions.doneBy', { name: action.done.by, at: formatDateTime(action.done.at) })}
        {action.done.note ? <span className="small-line">{action.done.note}</span> : null}
      </span>
    );
  }
  if (action.overdue) return <span className="mt-overdue">{t('meetings.actions.overdue')}</span>;
  return <span>{t('meetings.actions.open')}</span>;
}

export function ActionsTable({ actions, caption, onChanged, showMeeting }: { actions: ActionView[]; caption: string; onChanged: (value?: unknown) => void; showMeeting?: boolean }) {
  const { t } = useTranslation();
  return (
    <TableWrap>
      <table className="mt-table mt-actions">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.actions.action')}</th>
            {showMeeting ? <th scope="col">{t('meetings.actions.meeting')}</th> : null}
            <th scope="col">{t('meetings.actions.owner')}</th>
            <th scope="col">{t('meetings.actions.dueOn')}</th>
            <th scope="col">{t('meetings.actions.state')}</th>
            <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} className={a.overdue && !a.done ? 'mt-row-overdue' : undefined}>
              <th scope="row">
                {a.description}
                {a.decision ? <span className="small-line muted">{t('meetings.actions.decisionLine', { decision: a.decision })}</span> : null}
                {a.pupil ? <span className="small-line muted">{a.pupil.name}</span> : null}
              </th>
              {showMeeting ? (
                <td>
                  <Link to={`/overleg/${a.meetingId}`}>{a.meetingTitle}</Link>
                </td>
              ) : null}
              <td>{a.owner.name}</td>
              <td className="nowrap">{formatDate(a.dueOn)}</td>
              <td>
                <ActionState action={a} />
              </td>
              <td>
                <ActionDone action={a} onChanged={onChanged} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function ActionsSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const editable = !readOnly && meeting.can.edit;
  return (
    <Section title={t('meetings.actions.heading')} id="mt-actions">
      <p className="muted">{t('meetings.actions.intro')}</p>
      {meeting.actions.length === 0 ? <Empty>{t('meetings.actions.none')}</Empty> : <ActionsTable actions={meeting.actions} caption={t('meetings.actions.heading')} onChanged={onChanged} />}
      {editable ? <AddAction meeting={meeting} onChanged={onChanged} /> : null}
    </Section>
  );
}
