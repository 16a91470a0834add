// Overleg (/overleg): the school's meetings the user may see — groepsbesprekingen, leerlingbesprekingen, the care-team
// meetings (zorgteam, SOT, MDO, IZO, ZAT: the school's own name) and bilateral talks — upcoming first, then the past
// ones, filtered by kind; and "Overleg plannen" for who may schedule (kind, group, date and time, duration from the
// school's settings, location, chair, minute-taker, invited staff). A new meeting opens on its own page.
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '../../domain/meetings/model';
import { readMeetingSettings } from '../../domain/meetings/settings';
import { useApi, useSubmit } from '../shared/hooks';
import { CheckboxField, Empty, FormError, Loading, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { SchoolScopedPage } from '../shared/SchoolScope';
import { todayIso } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { hasRole, useMe } from '../shared/session';
import type { GroupSummary, Items, MeSchool, School } from '../shared/types';
import { meetingPaths, scheduleMeeting, type MeetingListView, type MeetingSummary } from './api';
import { kindLabel, StaffOptions, StatusBadge, useStaffOptions, whenText } from './common';

type Durations = { groupDiscussion: number; pupilDiscussionPerCase: number; careTeam: number; bilateral: number };

function defaultDuration(d: Durations, kind: MeetingKind): number {
  return kind === 'pupilDiscussion' ? d.pupilDiscussionPerCase * 3 : d[kind];
}

function ScheduleForm({ school, careTeamName, durations, rota, onCancel }: { school: MeSchool; careTeamName: string; durations: Durations; rota: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const groupsRes = useApi<Items<GroupSummary>>(`/api/groups?schoolId=${school.id}`);
  const groups = (groupsRes.data?.items ?? []).filter((g) => g.schoolYear.current);
  const staff = useStaffOptions(school.id);
  const [kind, setKind] = useState<MeetingKind>('groupDiscussion');
  const [groupId, setGroupId] = useState('');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState(String(defaultDuration(durations, 'groupDiscussion')));
  const [durationTouched, setDurationTouched] = useState(false);
  const [location, setLocation] = useState('');
  const [chairId, setChairId] = useState(String(me.id));
  const [chairTouched, setChairTouched] = useState(false);
  /** A leerlingbespreking with the school's rota: chair and minute-taker left empty are chosen by Koers. */
  const byRota = rota && kind === 'pupilDiscussion';
  const [minuteTakerId, setMinuteTakerId] = useState('');
  const [invited, setInvited] = useState<number[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const err = (name: string) => local[name] || error?.fields[name];
  const clear = (name: string) => setLocal((cur) => (cur[name] ? { ...cur, [name]: '' } : cur));

  function changeKind(next: MeetingKind) {
    setKind(next);
    if (!durationTouched) setDuration(String(defaultDuration(durations, next)));
    if (!chairTouched) setChairId(rota && next === 'pupilDiscussion' ? '' : String(me.id));
  }

  /** Choosing a group invites its staff (they can be unticked). */
  function changeGroup(id: string) {
    setGroupId(id);
    clear('groupId');
    const g = groups.find((x) => String(x.id) === id);
    if (g) setInvited((cur) => [...new Set([...cur, ...g.staff.map((s) => s.userId)])]);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (kind === 'groupDiscussion' && !groupId) problems.groupId = t('meetings.schedule.groupRequired');
    if (!heldOn) problems.heldOn = t('meetings.schedule.dateRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(problems.groupId ? 'mt-new-group' : 'mt-new-date')?.focus();
      return;
    }
    const minutes = duration.trim() === '' ? undefined : Number(duration.trim());
    const created = await run(() =>
      scheduleMeeting({
        schoolId: school.id,
        kind,
        ...(title.trim() ? { title: title.trim() } : {}),
        heldOn,
        startsAt: startsAt || null,
        ...(minutes === undefined ? {} : { durationMinutes: minutes }),
        location: location.trim(),
        groupId: groupId ? Number(groupId) : null,
        chairId: chairId ? Number(chairId) : null,
        minuteTakerId: minuteTakerId ? Number(minuteTakerId) : null,
        participantIds: invited,
      }),
    );
    if (created) navigate(`/overleg/${created.id}`);
  }

  const staffOptions = <StaffOptions staff={staff} />;

  return (
    <form onSubmit={submit} noValidate className="mt-form" aria-labelledby="mt-new-title">
      <h3 id="mt-new-title">{t('meetings.schedule.title')}</h3>
      <FormError error={error} />
      <div className="form-grid">
        <SelectField id="mt-new-kind" label={t('meetings.schedule.kind')} value={kind} onChange={(v) => changeKind(MEETING_KINDS.find((k) => k === v) ?? 'groupDiscussion')}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(t, k, careTeamName)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="mt-new-group"
          label={kind === 'groupDiscussion' ? t('meetings.schedule.group') : t('meetings.schedule.groupOptional')}
          value={groupId}
          onChange={changeGroup}
          error={err('groupId')}
        >
          <option value="">{t('common.choose')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {groupLabel(t, g.name, school.sector)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField id="mt-new-name" label={t('meetings.schedule.titleField')} hint={t('meetings.schedule.titleHint')} value={title} onChange={setTitle} maxLength={200} error={err('title')} />
      <div className="form-grid">
        <TextField id="mt-new-date" type="date" label={t('meetings.schedule.date')} value={heldOn} onChange={(v) => {
            setHeldOn(v);
            clear('heldOn');
          }} min={todayIso()} error={err('heldOn')} />
        <TextField id="mt-new-time" type="time" label={t('meetings.schedule.time')} value={startsAt} onChange={setStartsAt} error={err('startsAt')} />
        <TextField
          id="mt-new-duration"
          label={t('meetings.schedule.duration')}
          hint={t('meetings.schedule.durationHint')}
          value={duration}
          inputMode="numeric"
          onChange={(v) => {
            setDuration(v);
            setDurationTouched(true);
          }}
          error={err('durationMinutes')}
        />
        <TextField id="mt-new-location" label={t('meetings.schedule.location')} value={location} onChange={setLocation} maxLength={200} error={err('location')} />
      </div>
      <div className="form-grid">
        <SelectField
          id="mt-new-chair"
          label={t('meetings.schedule.chair')}
          hint={byRota ? t('meetings.schedule.rotaHint') : undefined}
          value={chairId}
          onChange={(v) => {
            setChairId(v);
            setChairTouched(true);
          }}
          error={err('chairId')}
        >
          <option value="">{byRota ? t('meetings.schedule.byRota') : t('common.choose')}</option>
          {staffOptions}
        </SelectField>
        <SelectField
          id="mt-new-minutes"
          label={t('meetings.schedule.minuteTaker')}
          hint={byRota ? t('meetings.schedule.rotaHint') : undefined}
          value={minuteTakerId}
          onChange={setMinuteTakerId}
          error={err('minuteTakerId')}
        >
          <option value="">{byRota ? t('meetings.schedule.byRota') : t('meetings.schedule.noMinuteTaker')}</option>
          {staffOptions}
        </SelectField>
      </div>
      <fieldset className="mt-checks">
        <legend>{t('meetings.schedule.invited')}</legend>
        <p className="hint">{t('meetings.schedule.invitedHint')}</p>
        <div className="mt-check-grid">
          {staff.map((s) => (
            <CheckboxField
              key={s.id}
              label={s.name}
              checked={invited.includes(s.id)}
              onChange={(on) => setInvited((cur) => (on ? [...cur, s.id] : cur.filter((x) => x !== s.id)))}
            />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('meetings.schedule.submit')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function MeetingTable({ meetings, caption, school, careTeamName }: { meetings: MeetingSummary[]; caption: string; school: MeSchool; careTeamName: string }) {
  const { t } = useTranslation();
  return (
    <TableWrap>
      <table className="mt-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.list.meeting')}</th>
            <th scope="col">{t('meetings.list.when')}</th>
            <th scope="col">{t('meetings.list.group')}</th>
            <th scope="col">{t('meetings.list.chair')}</th>
            <th scope="col">{t('meetings.list.status')}</th>
            <th scope="col" className="num">{t('meetings.list.cases')}</th>
            <th scope="col" className="num">{t('meetings.list.openActions')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/overleg/${m.id}`}>{m.title}</Link>
                <span className="small-line muted">{kindLabel(t, m.kind, careTeamName)}</span>
              </th>
              <td>
                {whenText(t, m)}
                {m.location ? <span className="small-line muted">{m.location}</span> : null}
              </td>
              <td>{m.group ? groupLabel(t, m.group.name, school.sector) : <span className="muted">{t('meetings.list.wholeSchool')}</span>}</td>
              <td>{m.chair?.name ?? <span className="muted">{t('common.none')}</span>}</td>
              <td>
                <StatusBadge status={m.status} />
              </td>
              <td className="num">{m.caseCount}</td>
              <td className="num">{m.openActions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Meetings({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const me = useMe();
  const [kind, setKind] = useState<MeetingKind | ''>('');
  const [scheduling, setScheduling] = useState(false);
  const res = useApi<MeetingListView>(meetingPaths.list(school.id, kind));
  const schools = useApi<Items<School>>('/api/schools');
  const settings = useMemo(() => {
    const stored = schools.data?.items.find((s) => s.id === school.id)?.settings as { meetings?: unknown } | undefined;
    return readMeetingSettings(school.sector, stored?.meetings);
  }, [schools.data, school]);

  if (res.error) return <FormError error={res.error} />;
  if (!res.data) return <Loading />;
  const today = todayIso();
  const byDate = (a: MeetingSummary, b: MeetingSummary) => a.heldOn.localeCompare(b.heldOn) || (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.id - b.id;
  const upcoming = res.data.meetings.filter((m) => m.heldOn >= today && m.status !== 'closed').sort(byDate);
  const past = res.data.meetings.filter((m) => !(m.heldOn >= today && m.status !== 'closed')).sort((a, b) => byDate(b, a));
  const board = hasRole(me, 'care_coordinator', 'director');

  return (
    <>
      <div className="mt-toolbar">
        <form className="filters" aria-label={t('meetings.list.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('meetings.list.kindFilter')} value={kind} onChange={(v) => setKind(MEETING_KINDS.find((k) => k === v) ?? '')}>
            <option value="">{t('meetings.list.allKinds')}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(t, k, settings.careTeamName)}
              </option>
            ))}
          </SelectField>
        </form>
        <div className="form-actions">
          {board ? (
            <Link to={`/overleg/acties?school=${school.id}`} className="button secondary">
              {t('meetings.list.toBoard')}
            </Link>
          ) : null}
          {res.data.can.create && !scheduling ? (
            <button type="button" className="button" onClick={() => setScheduling(true)}>
              {t('meetings.schedule.open')}
            </button>
          ) : null}
        </div>
      </div>
      {scheduling ? (
        <Section title={t('meetings.schedule.sectionTitle')}>
          <ScheduleForm school={school} careTeamName={settings.careTeamName} durations={settings.durations} rota={settings.pupilDiscussionRota} onCancel={() => setScheduling(false)} />
        </Section>
      ) : null}
      <Section title={t('meetings.list.upcoming', { count: upcoming.length })}>
        {upcoming.length === 0 ? (
          <Empty>{t('meetings.list.noneUpcoming')}</Empty>
        ) : (
          <MeetingTable meetings={upcoming} caption={t('meetings.list.upcomingCaption')} school={school} careTeamName={settings.careTeamName} />
        )}
      </Section>
      <Section title={t('meetings.list.past', { count: past.length })}>
        {past.length === 0 ? (
          <Empty>{t('meetings.list.nonePast')}</Empty>
        ) : (
          <MeetingTable meetings={past} caption={t('meetings.list.pastCaption')} school={school} careTeamName={settings.careTeamName} />
        )}
      </Section>
    </>
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SchoolScopedPage title={t('meetings.list.title')} intro={<p className="muted">{t('meetings.list.intro')}</p>} schools={me.schools} noSchool={t('meetings.list.noSchool')}>
      {(school) => <Meetings key={school.id} school={school} />}
    </SchoolScopedPage>
  );
}
