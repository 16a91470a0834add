// One meeting (/overleg/:id) on one page with clear headings: the details (edit, status), who takes part (staff and
// externals — an external is refused while a discussed pupil lacks the parents' consent), the preparation checklist
// (Bijlage 17), the agenda Koers prepared from the data (Bijlage 15/21) with its PDF, the questions handed in, the
// pupils discussed (cases), the verslag (Bijlage 16/22), decisions and actions, and closing the meeting.
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../domain/meetings/model';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, Facts, idParam, LoadError, Loading, NotFoundPage, Page, Section, SelectField, SubmitButton, TextField } from '../shared/components';
import { whole } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { useMe } from '../shared/session';
import { meetingPaths, patchMeeting, type MeetingView } from './api';
import { meetingKindText, SaveError, StaffOptions, StatusBadge, useMeetingStaff, Warnings, whenText } from './common';
import { ParticipantsSection } from './ParticipantsSection';
import { AgendaSection, ChecklistSection, QuestionsSection } from './AgendaSection';
import { CasesSection } from './CasesSection';
import { ActionsSection, MinutesSection } from './MinutesSection';

export interface SectionProps {
  meeting: MeetingView;
  /** Reload the meeting after a change (its version and computed parts change with it). */
  onChanged: (value?: unknown) => void;
  readOnly: boolean;
}

function DetailsForm({ meeting, onChanged, onDone }: { meeting: MeetingView; onChanged: (value?: unknown) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const staff = useMeetingStaff(meeting, [...(meeting.chair ? [meeting.chair] : []), ...(meeting.minuteTaker ? [meeting.minuteTaker] : [])]);
  const [title, setTitle] = useState(meeting.title);
  const [heldOn, setHeldOn] = useState(meeting.heldOn);
  const [startsAt, setStartsAt] = useState(meeting.startsAt?.slice(0, 5) ?? '');
  const [duration, setDuration] = useState(String(meeting.durationMinutes));
  const [location, setLocation] = useState(meeting.location);
  const [chairId, setChairId] = useState(meeting.chair ? String(meeting.chair.id) : '');
  const [minuteTakerId, setMinuteTakerId] = useState(meeting.minuteTaker ? String(meeting.minuteTaker.id) : '');
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await run(() =>
      patchMeeting(meeting.id, {
        version: meeting.version,
        title: title.trim(),
        heldOn,
        startsAt: startsAt || null,
        durationMinutes: whole(duration),
        location: location.trim(),
        chairId: chairId ? Number(chairId) : null,
        minuteTakerId: minuteTakerId ? Number(minuteTakerId) : null,
      }),
    );
    if (saved !== undefined) {
      onDone();
      onChanged(saved);
    }
  }
  const options = <StaffOptions staff={staff} />;
  return (
    <form onSubmit={submit} noValidate className="mt-form" aria-label={t('meetings.details.editTitle')}>
      <SaveError error={error} onReload={onChanged} />
      <TextField id="mt-title" label={t('meetings.details.title')} value={title} onChange={setTitle} maxLength={200} error={error?.fields.title} />
      <div className="form-grid">
        <TextField id="mt-date" type="date" label={t('meetings.schedule.date')} value={heldOn} onChange={setHeldOn} error={error?.fields.heldOn} />
        <TextField id="mt-time" type="time" label={t('meetings.schedule.time')} value={startsAt} onChange={setStartsAt} error={error?.fields.startsAt} />
        <TextField id="mt-duration" label={t('meetings.schedule.duration')} value={duration} onChange={setDuration} inputMode="numeric" error={error?.fields.durationMinutes} />
        <TextField id="mt-location" label={t('meetings.schedule.location')} value={location} onChange={setLocation} maxLength={200} error={error?.fields.location} />
        <SelectField id="mt-chair" label={t('meetings.schedule.chair')} value={chairId} onChange={setChairId} error={error?.fields.chairId}>
          <option value="">{t('common.choose')}</option>
          {options}
        </SelectField>
        <SelectField id="mt-minute-taker" label={t('meetings.schedule.minuteTaker')} value={minuteTakerId} onChange={setMinuteTakerId} error={error?.fields.minuteTakerId}>
          <option value="">{t('meetings.schedule.noMinuteTaker')}</option>
          {options}
        </SelectField>
      </div>
      <p className="hint">{t('meetings.details.dateChangeHint')}</p>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('meetings.details.save')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DetailsSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useSubmit();
  const sector = me.schools.find((s) => s.id === meeting.schoolId)?.sector;

  async function setStatus(status: MeetingStatus) {
    if (status === 'cancelled' && !window.confirm(t('meetings.details.cancelConfirm'))) return;
    const saved = await run(() => patchMeeting(meeting.id, { version: meeting.version, status }));
    if (saved !== undefined) onChanged(saved);
  }

  return (
    <Section
      title={t('meetings.details.heading')}
      id="mt-details"
      actions={
        !readOnly && meeting.can.edit && !editing ? (
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('meetings.details.edit')}
          </button>
        ) : null
      }
    >
      {editing ? (
        <DetailsForm meeting={meeting} onChanged={onChanged} onDone={() => setEditing(false)} />
      ) : (
        <Facts
          items={[
            { label: t('meetings.details.kind'), value: meetingKindText(t, meeting) },
            { label: t('meetings.details.when'), value: whenText(t, meeting) },
            { label: t('meetings.details.location'), value: meeting.location || <span className="muted">{t('meetings.details.noLocation')}</span> },
            { label: t('meetings.list.group'), value: meeting.group ? groupLabel(t, meeting.group.name, sector) : t('meetings.list.wholeSchool') },
            ...(meeting.period ? [{ label: t('meetings.details.period'), value: meeting.period.name }] : []),
            { label: t('meetings.schedule.chair'), value: meeting.chair?.name ?? t('common.none') },
            { label: t('meetings.schedule.minuteTaker'), value: meeting.minuteTaker?.name ?? t('common.none') },
            { label: t('meetings.list.status'), value: <StatusBadge status={meeting.status} /> },
          ]}
        />
      )}
      <SaveError error={error} onReload={onChanged} />
      {!readOnly && meeting.can.edit && !editing && meeting.status === 'planned' ? (
        <div className="form-actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => void setStatus('held')}>
            {t('meetings.details.markHeld')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void setStatus('cancelled')}>
            {t('meetings.details.cancelMeeting')}
          </button>
        </div>
      ) : null}
      {meeting.can.edit && meeting.status === 'closed' ? (
        <div className="form-actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => void setStatus('held')}>
            {t('meetings.details.reopen')}
          </button>
        </div>
      ) : null}
      {meeting.can.edit && meeting.status === 'cancelled' ? (
        <div className="form-actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => void setStatus('planned')}>
            {t('meetings.details.replan')}
          </button>
        </div>
      ) : null}
    </Section>
  );
}

function CloseSection({ meeting, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmit();
  async function close() {
    if (!window.confirm(t('meetings.close.confirm'))) return;
    const saved = await run(() => patchMeeting(meeting.id, { version: meeting.version, status: 'closed' }));
    if (saved !== undefined) onChanged(saved);
  }
  const missing = error && Array.isArray(error.body.problems) ? (error.body.problems as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  return (
    <Section title={t('meetings.close.heading')} id="mt-close">
      <p>{t('meetings.close.intro')}</p>
      <SaveError error={error} onReload={onChanged} />
      {missing.length > 0 ? (
        <ul className="mt-warnings">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button" disabled={busy} onClick={() => void close()}>
        {t('meetings.close.submit')}
      </button>
    </Section>
  );
}

export function MeetingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meetingId = idParam(id) ?? 0;
  const valid = meetingId > 0;
  const res = useApi<MeetingView>(valid ? meetingPaths.meeting(meetingId) : null);
  const { setData, reload } = res;
  /**
   * Reloads asked for by the conflict alert (onChanged() without a value, unlike a save's onChanged(answer)): counted
   * once the reloaded meeting is in, as part of the key of the sections whose forms start from the meeting, so that
   * those forms start again from the newest values instead of saving the user's stale text over a colleague's work.
   * An ordinary save does not count: the form keeps what the user typed (the same values come back).
   */
  const [conflictReloads, setConflictReloads] = useState({ pending: false, count: 0, data: res.data });
  if (res.data !== conflictReloads.data) {
    setConflictReloads({ pending: false, count: conflictReloads.pending ? conflictReloads.count + 1 : conflictReloads.count, data: res.data });
  }
  /** Most answers are the whole meeting again: show it at once (its new version too); otherwise load it. */
  const changed = useCallback(
    (...args: [value?: unknown]) => {
      const v = args[0] as Partial<MeetingView> | null | undefined;
      if (v && typeof v === 'object' && v.id === meetingId && Array.isArray(v.agenda) && typeof v.version === 'number') setData(v as MeetingView);
      else {
        if (args.length === 0) setConflictReloads((r) => ({ ...r, pending: true }));
        reload();
      }
    },
    [setData, reload, meetingId],
  );

  if (!valid) {
    return <NotFoundPage />;
  }
  if (res.error && !res.data) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const m = res.data;
  const readOnly = m.status === 'closed' || m.status === 'cancelled';
  const props: SectionProps = { meeting: m, onChanged: changed, readOnly };
  const fresh = conflictReloads.count;

  return (
    <Page
      title={m.title}
      intro={
        <p className="mt-intro">
          <span>{meetingKindText(t, m)}</span> · <span>{whenText(t, m)}</span> <StatusBadge status={m.status} />
        </p>
      }
      actions={
        <>
          <a className="button secondary" href={meetingPaths.pdf(m.id, 'agenda')} target="_blank" rel="noreferrer">
            {t('meetings.pdf.agenda')}
          </a>
          <a className="button secondary" href={meetingPaths.pdf(m.id, 'minutes')} target="_blank" rel="noreferrer">
            {t('meetings.pdf.minutes')}
          </a>
          <Link className="button ghost" to="/overleg">
            {t('meetings.backToList')}
          </Link>
        </>
      }
    >
      <nav className="mt-toc" aria-label={t('meetings.toc')}>
        <ul>
          <li><a href="#mt-details">{t('meetings.details.heading')}</a></li>
          <li><a href="#mt-participants">{t('meetings.participants.heading')}</a></li>
          {m.checklist.length > 0 ? <li><a href="#mt-checklist">{t('meetings.checklist.heading')}</a></li> : null}
          <li><a href="#mt-agenda">{t('meetings.agenda.heading')}</a></li>
          <li><a href="#mt-questions">{t('meetings.questions.heading')}</a></li>
          <li><a href="#mt-cases">{t('meetings.cases.heading')}</a></li>
          <li><a href="#mt-minutes">{t('meetings.minutes.heading')}</a></li>
          <li><a href="#mt-actions">{t('meetings.actions.heading')}</a></li>
        </ul>
      </nav>
      {readOnly ? (
        <Alert kind="info">
          <p>{m.status === 'closed' ? t('meetings.closedNote') : t('meetings.cancelledNote')}</p>
        </Alert>
      ) : null}
      <Warnings items={m.warnings} title={t('meetings.warningsTitle')} />
      <DetailsSection key={`details-${fresh}`} {...props} />
      <ParticipantsSection {...props} />
      {m.checklist.length > 0 ? <ChecklistSection key={`checklist-${fresh}`} {...props} /> : null}
      <AgendaSection key={`agenda-${fresh}`} {...props} />
      <QuestionsSection {...props} />
      <CasesSection {...props} />
      <MinutesSection key={`minutes-${fresh}`} {...props} />
      <ActionsSection {...props} />
      {m.status === 'held' && m.can.close ? <CloseSection {...props} /> : null}
    </Page>
  );
}
