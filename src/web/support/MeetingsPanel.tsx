// Oudergesprekken about a plan (oudergespreksformulier, seed 002 §3.7): who took part, subject, agreements, the views
// of school and parents, and the variant for disagreement (consequences explained, date of the earlier meeting).
// Newest first; each can be corrected later (with its own version).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_PURPOSES, type MeetingPurpose, type ParentMeetingFields } from '../../domain/support/model';
import type { ParentMeetingView } from '../../domain/support/views';
import { Alert, CheckboxField, Facts, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDate, todayIso } from '../shared/format';
import { useSubmit } from '../shared/hooks';
import { addMeeting, saveMeeting, type PlanView } from './api';
import { DocText } from './PlanDocumentView';
import { meetingPurposeLabel } from './labels';

function blank(): ParentMeetingFields {
  return {
    heldOn: todayIso(), purpose: 'start', participants: '', subject: '', agreements: '', schoolView: '', parentView: '',
    disagreement: false, consequencesExplained: false, earlierMeetingOn: null,
  };
}

function fieldsOf(m: ParentMeetingView): ParentMeetingFields {
  return {
    heldOn: m.heldOn, purpose: m.purpose, participants: m.participants, subject: m.subject, agreements: m.agreements,
    schoolView: m.schoolView, parentView: m.parentView, disagreement: m.disagreement, consequencesExplained: m.consequencesExplained,
    earlierMeetingOn: m.earlierMeetingOn,
  };
}

function MeetingForm({
  pupilId,
  planId,
  meeting,
  onSaved,
  onCancel,
}: {
  pupilId: number;
  planId: number;
  meeting: ParentMeetingView | null;
  onSaved: (m: ParentMeetingView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ParentMeetingFields>(meeting ? fieldsOf(meeting) : blank());
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useSubmit();
  const set = <K extends keyof ParentMeetingFields>(key: K, value: ParentMeetingFields[K]) => setForm((f) => ({ ...f, [key]: value }));
  const base = meeting ? `sp-meeting-${meeting.id}` : 'sp-meeting-new';
  const titleText = meeting ? t('support.plan.meetings.editTitle', { date: formatDate(meeting.heldOn) }) : t('support.plan.meetings.formTitle');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.heldOn) {
      setDateError(t('support.plan.meetings.heldOnRequired'));
      document.getElementById(`${base}-date`)?.focus();
      return;
    }
    setDateError(undefined);
    const body: ParentMeetingFields = {
      ...form,
      participants: form.participants.trim(),
      subject: form.subject.trim(),
      agreements: form.agreements.trim(),
      schoolView: form.schoolView.trim(),
      parentView: form.parentView.trim(),
      consequencesExplained: form.disagreement ? form.consequencesExplained : false,
      earlierMeetingOn: form.disagreement ? form.earlierMeetingOn : null,
    };
    const saved = await run(() => (meeting ? saveMeeting(pupilId, planId, meeting.id, { ...body, version: meeting.version }) : addMeeting(pupilId, planId, body)));
    if (saved) onSaved(saved);
  }

  return (
    <form onSubmit={submit} noValidate className="sp-inline-form" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{titleText}</h3>
      <FormError error={error} />
      <div className="form-grid">
        <TextField label={t('support.plan.meetings.heldOn')} type="date" value={form.heldOn} onChange={(v) => set('heldOn', v)} required id={`${base}-date`} error={dateError ?? error?.fields.heldOn} />
        <SelectField label={t('support.plan.meetings.purpose')} value={form.purpose} onChange={(v) => set('purpose', v as MeetingPurpose)} id={`${base}-purpose`}>
          {MEETING_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {meetingPurposeLabel(t, p)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label={t('support.plan.meetings.participants')} value={form.participants} onChange={(v) => set('participants', v)} id={`${base}-participants`} maxLength={1000} error={error?.fields.participants} />
      <TextField label={t('support.plan.meetings.subject')} value={form.subject} onChange={(v) => set('subject', v)} id={`${base}-subject`} maxLength={1000} error={error?.fields.subject} />
      <TextAreaField label={t('support.plan.meetings.agreements')} value={form.agreements} onChange={(v) => set('agreements', v)} rows={3} id={`${base}-agreements`} maxLength={4000} />
      <div className="plan-two">
        <TextAreaField label={t('support.plan.meetings.schoolView')} value={form.schoolView} onChange={(v) => set('schoolView', v)} rows={3} id={`${base}-school`} maxLength={4000} />
        <TextAreaField label={t('support.plan.meetings.parentView')} value={form.parentView} onChange={(v) => set('parentView', v)} rows={3} id={`${base}-parent`} maxLength={4000} />
      </div>
      <CheckboxField label={t('support.plan.meetings.disagreement')} checked={form.disagreement} onChange={(v) => set('disagreement', v)} />
      {form.disagreement ? (
        <fieldset className="sp-fieldset">
          <legend>{t('support.plan.meetings.disagreementTitle')}</legend>
          <CheckboxField label={t('support.plan.meetings.consequencesExplained')} checked={form.consequencesExplained} onChange={(v) => set('consequencesExplained', v)} />
          <TextField
            label={t('support.plan.meetings.earlierMeetingOn')}
            type="date"
            value={form.earlierMeetingOn ?? ''}
            onChange={(v) => set('earlierMeetingOn', v || null)}
            id={`${base}-earlier`}
            error={error?.fields.earlierMeetingOn}
          />
        </fieldset>
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.plan.meetings.save')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function MeetingView({ meeting }: { meeting: ParentMeetingView }) {
  const { t } = useTranslation();
  return (
    <Facts
      items={[
        { label: t('support.plan.meetings.participants'), value: <DocText text={meeting.participants} /> },
        { label: t('support.plan.meetings.subject'), value: <DocText text={meeting.subject} /> },
        { label: t('support.plan.meetings.agreements'), value: <DocText text={meeting.agreements} /> },
        { label: t('support.plan.meetings.schoolView'), value: <DocText text={meeting.schoolView} /> },
        { label: t('support.plan.meetings.parentView'), value: <DocText text={meeting.parentView} /> },
        ...(meeting.disagreement
          ? [
              { label: t('support.plan.meetings.disagreementTitle'), value: t('common.yes') },
              { label: t('support.plan.meetings.consequencesExplained'), value: meeting.consequencesExplained ? t('common.yes') : t('common.no') },
              { label: t('support.plan.meetings.earlierMeetingOn'), value: meeting.earlierMeetingOn ? formatDate(meeting.earlierMeetingOn) : <DocText text="" /> },
            ]
          : []),
      ]}
    />
  );
}

export function MeetingsPanel({ pupilId, plan, canEdit, onChanged }: { pupilId: number; plan: PlanView; canEdit: boolean; onChanged: (meetings: ParentMeetingView[]) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const meetings = [...plan.meetings].sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id - a.id);

  function stored(m: ParentMeetingView) {
    onChanged([m, ...plan.meetings.filter((x) => x.id !== m.id)]);
    setEditing(null);
    setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="sp-meetings-title">
      <div className="card-head">
        <h2 id="sp-meetings-title">{t('support.plan.meetings.title')}</h2>
        {canEdit && editing === null ? (
          <div className="card-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setEditing('new');
                setSaved(false);
              }}
            >
              {t('support.plan.meetings.add')}
            </button>
          </div>
        ) : null}
      </div>
      <p className="muted">{t('support.plan.meetings.intro')}</p>
      {saved ? (
        <Alert kind="success">
          <p>{t('support.plan.meetings.saved')}</p>
        </Alert>
      ) : null}
      {editing === 'new' ? <MeetingForm pupilId={pupilId} planId={plan.id} meeting={null} onSaved={stored} onCancel={() => setEditing(null)} /> : null}
      {meetings.length === 0 ? (
        <p className="empty">{t('support.plan.meetings.none')}</p>
      ) : (
        <ol className="plain-list">
          {meetings.map((m) =>
            editing === m.id ? (
              <li key={m.id} className="sp-meeting">
                <MeetingForm pupilId={pupilId} planId={plan.id} meeting={m} onSaved={stored} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={m.id} className="sp-meeting">
                <div className="card-head">
                  <h3>{t('support.plan.meetings.heading', { purpose: meetingPurposeLabel(t, m.purpose), date: formatDate(m.heldOn) })}</h3>
                  {canEdit && editing === null ? (
                    <button
                      type="button"
                      className="button ghost small"
                      onClick={() => {
                        setEditing(m.id);
                        setSaved(false);
                      }}
                    >
                      {t('support.plan.meetings.edit')}
                      <span className="visually-hidden"> {t('support.plan.meetings.heading', { purpose: meetingPurposeLabel(t, m.purpose), date: formatDate(m.heldOn) })}</span>
                    </button>
                  ) : null}
                </div>
                <MeetingView meeting={m} />
                <p className="muted small-text">{t('support.plan.meetings.recordedBy', { name: m.createdBy.name })}</p>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
