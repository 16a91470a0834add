// Shared parts of the meetings screens: labels for codes, the status badge, "when" of a meeting, the staff to choose
// from, a form rendered from its field definitions, and the error of a save (409 → reload, 422 consent_required →
// the pupils without consent).
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FormField, MeetingKind, MeetingStatus } from '../../domain/meetings/model';
import type { ConsentView, PersonRef } from '../../domain/meetings/views';
import type { ApiError } from '../shared/api';
import { Alert, FormError, TextAreaField } from '../shared/components';
import { formatDate } from '../shared/format';
import { useApi, useSubmit } from '../shared/hooks';
import { useSession } from '../shared/session';
import { capitalise } from '../shared/labels';
import type { Items } from '../shared/types';
import { ConflictAlert } from '../group-cycle/common';
import { consentPupils, meetingPaths, type MeetingView } from './api';
import './meetings.css';

/** "Groepsbespreking"; the care-team meeting carries the school's own name when it is known. */
export function kindLabel(t: TFunction, kind: MeetingKind, careTeamName?: string): string {
  if (kind === 'careTeam' && careTeamName) return capitalise(careTeamName);
  return t(`meetings.kinds.${kind}`);
}

/** The meeting's kind as the server names it ("groepsbespreking", "zorgteam"), capitalised; ours as a fallback. */
export function meetingKindText(t: TFunction, m: { kind: MeetingKind; kindLabel: string; settings?: { careTeamName: string } }): string {
  return m.kindLabel ? capitalise(m.kindLabel) : kindLabel(t, m.kind, m.settings?.careTeamName);
}

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <span className={`badge mt-status mt-status-${status}`}>{t(`meetings.status.${status}`)}</span>;
}

/** "di 24-11-2026, 14:30 (45 min)". */
export function whenText(t: TFunction, m: { heldOn: string; startsAt: string | null; durationMinutes: number }): string {
  const date = formatDate(m.heldOn);
  const time = m.startsAt ? m.startsAt.slice(0, 5) : '';
  return time ? t('meetings.whenTimed', { date, time, minutes: m.durationMinutes }) : t('meetings.whenDay', { date, minutes: m.durationMinutes });
}

/**
 * The staff one may choose as chair, minute-taker, participant, case manager or action owner: the school's staff
 * (GET /api/schools/:id/staff, colleagues without a group such as the director included), the user, and whoever
 * `extra` names (the meeting's staff participants, also when they have since left the school).
 */
export function useStaffOptions(schoolId: number | null, extra: PersonRef[] = []): PersonRef[] {
  const { me } = useSession();
  const staff = useApi<Items<PersonRef>>(schoolId ? `/api/schools/${schoolId}/staff` : null);
  const extraKey = extra.map((p) => `${p.id}:${p.name}`).join('|');
  return useMemo(() => {
    const byId = new Map<number, string>();
    if (me) byId.set(me.id, me.name);
    for (const p of extra) byId.set(p.id, p.name);
    for (const s of staff.data?.items ?? []) byId.set(s.id, s.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [me, staff.data, extraKey]);
}

/** The staff to choose from for a meeting: useStaffOptions with the meeting's staff participants and `extra`. */
export function useMeetingStaff(meeting: Pick<MeetingView, 'schoolId' | 'participants'>, extra: PersonRef[] = []): PersonRef[] {
  const staffParticipants = meeting.participants.filter((p) => p.kind === 'staff' && p.userId !== null).map((p) => ({ id: p.userId!, name: p.name }));
  return useStaffOptions(meeting.schoolId, [...staffParticipants, ...extra]);
}

/** The `<option>`s of a staff choice, one per colleague (the empty choice is the caller's). */
export function StaffOptions({ staff }: { staff: PersonRef[] }) {
  return (
    <>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}

/** The small "Agenda (pdf)" / "Verslag (pdf)" link of a section. */
export function PdfLink({ meetingId, part }: { meetingId: number; part: 'agenda' | 'minutes' }) {
  const { t } = useTranslation();
  return (
    <a className="button secondary small" href={meetingPaths.pdf(meetingId, part)} target="_blank" rel="noreferrer">
      {part === 'agenda' ? t('meetings.pdf.agenda') : t('meetings.pdf.minutes')}
    </a>
  );
}

/** A form from field definitions (verslag, case form, parents' part, outcome), one text area per field. */
export function FormFields({
  fields,
  values,
  onChange,
  idPrefix,
  error,
  errorPrefix,
  disabled,
}: {
  fields: FormField[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  idPrefix: string;
  error?: ApiError | null;
  errorPrefix?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((f) => (
        <TextAreaField
          key={f.key}
          id={`${idPrefix}-${f.key}`}
          label={f.required ? f.label : t('meetings.optionalLabel', { label: f.label })}
          hint={f.hint || undefined}
          value={values[f.key] ?? ''}
          onChange={(v) => onChange({ ...values, [f.key]: v })}
          rows={3}
          maxLength={8000}
          disabled={disabled}
          error={error?.fields[`${errorPrefix ?? ''}${f.key}`]}
        />
      ))}
    </>
  );
}

/** Read-only: the filled-in fields of a form (empty ones say so). */
export function FormValues({ fields, values }: { fields: FormField[]; values: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <dl className="mt-values">
      {fields.map((f) => (
        <div key={f.key}>
          <dt>{f.label}</dt>
          <dd>{values[f.key]?.trim() ? <span className="mt-pre">{values[f.key]}</span> : <span className="muted">{t('meetings.notFilled')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A failed save: a stale version (someone else saved first: reload — `onReload()` is called without a value, which
 * tells the meeting page to start its forms again from the reloaded meeting), the consent refusal with its pupils, or the
 * server's own message (also for the other 409s: a closed meeting, a pupil already on the agenda, consents on record).
 */
export function SaveError({ error, onReload }: { error: ApiError | null; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error.status === 409 && (error.code === 'stale_version' || error.code === 'conflict')) return <ConflictAlert onReload={() => onReload()} />;
  if (error.code === 'consent_required') {
    const pupils = consentPupils(error.body);
    return (
      <Alert kind="error" title={t('meetings.consentRequiredTitle')}>
        <p>{error.message || t('meetings.consentRequired')}</p>
        {pupils.length > 0 && !error.message ? (
          <ul>
            {pupils.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  }
  return <FormError error={error} />;
}

/** Warnings in Dutch from the server, as a list in a warning box (with a title when given). */
export function Warnings({ items, title }: { items: string[]; title?: string }) {
  if (items.length === 0) return null;
  return (
    <Alert kind="warning" title={title}>
      <ul className="mt-warnings">
        {items.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** useSubmit whose `act` tells whether the call succeeded, with its answer (some answers are empty: 204). */
export function useAct() {
  const { busy, error, run } = useSubmit();
  const act = useCallback(
    async (fn: () => Promise<unknown>): Promise<{ value: unknown } | null> => {
      let done: { value: unknown } | null = null;
      await run(async () => {
        done = { value: await fn() };
      });
      return done;
    },
    [run],
  );
  return { busy, error, act };
}

/** One recorded consent: decision, by whom, when and how (staff also see its scope and who recorded it). */
export function ConsentLine({ consent: k, details = false }: { consent: ConsentView; details?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {t('meetings.consent.line', {
        decision: t(`meetings.consent.decisions.${k.decision}`),
        by: k.givenByName,
        date: formatDate(k.givenOn),
        method: t(`meetings.consent.methods.${k.method}`),
      })}
      {details ? (
        <span className="small-line muted">
          {t('meetings.consent.scopeLine', { scope: k.scope })} · {t('meetings.consent.recordedBy', { name: k.recordedByName })}
        </span>
      ) : null}
    </>
  );
}
