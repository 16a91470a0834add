// Who takes part: staff of the school and externals (name, organisation, function). An external is refused (422
// consent_required) while a discussed pupil lacks the parents' written consent; the message names those pupils.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE, type Attendance } from '../../domain/meetings/model';
import { Empty, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { addParticipant, removeParticipant, setAttendance } from './api';
import { SaveError, StaffOptions, useAct, useStaffOptions } from './common';
import type { SectionProps } from './MeetingPage';

function AddStaff({ meeting, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const present = new Set(meeting.participants.map((p) => p.userId).filter((x): x is number => x !== null));
  const staff = useStaffOptions(meeting.schoolId).filter((s) => !present.has(s.id));
  const [userId, setUserId] = useState('');
  const { busy, error, act } = useAct();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!userId) return;
    const done = await act(() => addParticipant(meeting.id, { kind: 'staff', userId: Number(userId) }));
    if (done) {
      setUserId('');
      onChanged(done.value);
    }
  }
  return (
    <form onSubmit={submit} className="mt-inline-form" aria-labelledby="mt-add-staff-title">
      <h3 id="mt-add-staff-title">{t('meetings.participants.addStaff')}</h3>
      <SaveError error={error} onReload={onChanged} />
      <div className="form-row">
        <SelectField id="mt-staff" label={t('meetings.participants.staffMember')} value={userId} onChange={setUserId} error={error?.fields.userId}>
          <option value="">{t('common.choose')}</option>
          <StaffOptions staff={staff} />
        </SelectField>
        <SubmitButton busy={busy}>{t('meetings.participants.addStaffSubmit')}</SubmitButton>
      </div>
    </form>
  );
}

function AddExternal({ meeting, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState('');
  const { busy, error, act } = useAct();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await act(() => addParticipant(meeting.id, { kind: 'external', name: name.trim(), organisation: organisation.trim(), role: role.trim() }));
    if (done) {
      setName('');
      setOrganisation('');
      setRole('');
      onChanged(done.value);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="mt-inline-form" aria-labelledby="mt-add-external-title">
      <h3 id="mt-add-external-title">{t('meetings.participants.addExternal')}</h3>
      {meeting.settings.consentBeforeExternals ? <p className="hint">{t('meetings.participants.consentRule')}</p> : null}
      <SaveError error={error} onReload={onChanged} />
      <div className="form-grid">
        <TextField id="mt-ext-name" label={t('meetings.participants.name')} value={name} onChange={setName} maxLength={120} error={error?.fields.name} autoComplete="off" />
        <TextField id="mt-ext-org" label={t('meetings.participants.organisation')} value={organisation} onChange={setOrganisation} maxLength={120} error={error?.fields.organisation} autoComplete="off" />
        <TextField id="mt-ext-role" label={t('meetings.participants.role')} value={role} onChange={setRole} list={listId} maxLength={80} error={error?.fields.role} autoComplete="off" />
      </div>
      <datalist id={listId}>
        {meeting.settings.externalRoles.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('meetings.participants.addExternalSubmit')}</SubmitButton>
      </div>
    </form>
  );
}

export function ParticipantsSection(props: SectionProps) {
  const { meeting, onChanged, readOnly } = props;
  const { t } = useTranslation();
  const { busy, error, act } = useAct();
  const editable = !readOnly && meeting.can.edit;

  async function remove(pid: number, name: string) {
    if (!window.confirm(t('meetings.participants.removeConfirm', { name }))) return;
    const done = await act(() => removeParticipant(meeting.id, pid));
    if (done) onChanged(done.value);
  }
  async function attend(pid: number, attendance: Attendance) {
    const done = await act(() => setAttendance(meeting.id, pid, attendance));
    if (done) onChanged(done.value);
  }

  return (
    <Section title={t('meetings.participants.heading')} id="mt-participants">
      <SaveError error={error} onReload={onChanged} />
      {meeting.participants.length === 0 ? (
        <Empty>{t('meetings.participants.none')}</Empty>
      ) : (
        <TableWrap>
          <table className="mt-table">
            <caption className="visually-hidden">{t('meetings.participants.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.participants.name')}</th>
                <th scope="col">{t('meetings.participants.kind')}</th>
                <th scope="col">{t('meetings.participants.organisationRole')}</th>
                <th scope="col">{t('meetings.participants.attendance')}</th>
                {editable ? <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {meeting.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{t(`meetings.participantKinds.${p.kind}`)}</td>
                  <td>{[p.role, p.organisation].filter(Boolean).join(', ') || <span className="muted">—</span>}</td>
                  <td>
                    {editable ? (
                      <SelectField
                        label={<span className="visually-hidden">{t('meetings.participants.attendanceOf', { name: p.name })}</span>}
                        value={p.attendance}
                        onChange={(v) => void attend(p.id, ATTENDANCE.find((a) => a === v) ?? 'invited')}
                        disabled={busy}
                        fieldClassName="mt-compact"
                      >
                        {ATTENDANCE.map((a) => (
                          <option key={a} value={a}>
                            {t(`meetings.attendance.${a}`)}
                          </option>
                        ))}
                      </SelectField>
                    ) : (
                      t(`meetings.attendance.${p.attendance}`)
                    )}
                  </td>
                  {editable ? (
                    <td>
                      <button type="button" className="button ghost small" disabled={busy} onClick={() => void remove(p.id, p.name)}>
                        {t('common.remove')}
                        <span className="visually-hidden"> {p.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editable ? (
        <div className="mt-two">
          <AddStaff {...props} />
          <AddExternal {...props} />
        </div>
      ) : null}
    </Section>
  );
}
