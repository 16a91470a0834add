// One item of the calendar (dates, kind badge, title, group, warnings, link) and the care coordinator's edit and add
// forms for events (meetings are edited on their own page, plan dates in the plan).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useSubmit } from '../shared/hooks';
import { fieldError, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDate } from '../shared/format';
import { groupLabel } from '../shared/labels';
import { ConflictAlert } from '../group-cycle/common';
import { CALENDAR_AUDIENCES as AUDIENCES, CALENDAR_EVENT_KINDS as EVENT_KINDS } from '../../domain/calendar/model';
import { calendarPaths, type CalendarItem, type CalendarView } from './api';

const DOMAINS = ['technisch-lezen', 'begrijpend-lezen', 'spelling', 'rekenen-wiskunde', 'woordenschat', 'seo'] as const;

function Dates({ item }: { item: CalendarItem }) {
  const { t } = useTranslation();
  const range = item.endsOn !== item.startsOn ? `${formatDate(item.startsOn)} – ${formatDate(item.endsOn)}` : formatDate(item.startsOn);
  return (
    <span className="calendar-date">
      {range}
      {item.startsAt ? ` ${t('calendar.item.at', { time: item.startsAt })}` : ''}
    </span>
  );
}

export function ItemRow({ item, view, onChanged }: { item: CalendarItem; view: CalendarView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const del = useSubmit();
  const editable = view.can.manage && item.source === 'event';
  const titleText = item.source === 'derived' ? t(`calendar.derived.${item.kind === 'planEvaluation' ? 'plan' : 'opp'}`, { title: item.title }) : item.title;

  async function remove() {
    if (!window.confirm(t('calendar.item.confirmDelete', { title: item.title }))) return;
    const ok = await del.run(async () => {
      await api.delete(calendarPaths.deleteEvent(item.eventId!, item.version!));
      return true;
    });
    if (ok) onChanged();
  }

  return (
    <li className={`calendar-item${item.warnings.length > 0 ? ' calendar-item-warned' : ''}`}>
      <div className="calendar-item-main">
        <Dates item={item} />
        <span className={`badge calendar-kind calendar-kind-${item.kind}`}>{t(`calendar.kinds.${item.kind}`)}</span>
        <span className="calendar-title">
          {item.link ? <Link to={item.link}>{titleText}</Link> : titleText}
          {item.pupil ? <span className="muted"> — {item.pupil.name}{item.note && item.source === 'derived' ? ` (${item.note})` : ''}</span> : null}
        </span>
        {item.group ? <span className="muted calendar-group">{groupLabel(t, item.group.name, view.sector)}</span> : null}
        {item.grades.length > 0 && !item.group ? <span className="muted calendar-group">{t('calendar.item.grades', { grades: item.grades.join(', ') })}</span> : null}
        {view.can.manage && item.audience !== 'staff' ? <span className="badge badge-muted">{t(`calendar.audience.${item.audience}`)}</span> : null}
        {item.edited && item.templateKey ? <span className="badge badge-muted">{t('calendar.item.edited')}</span> : null}
        {editable && !editing ? (
          <span className="calendar-item-actions">
            <button type="button" className="button secondary small" onClick={() => setEditing(true)} aria-label={t('calendar.item.editLabel', { title: item.title })}>
              {t('common.edit')}
            </button>
            <button type="button" className="button secondary small" onClick={() => void remove()} aria-label={t('calendar.item.deleteLabel', { title: item.title })}>
              {t('common.remove')}
            </button>
          </span>
        ) : null}
      </div>
      {item.warnings.length > 0 ? (
        <ul className="calendar-warnings">
          {item.warnings.map((w) => (
            <li key={w.code}>
              <strong>{t('calendar.item.warning')}</strong> {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      {del.error ? (del.error.status === 409 ? <ConflictAlert onReload={onChanged} /> : <FormError error={del.error} />) : null}
      {editing ? <EditForm item={item} onDone={() => { setEditing(false); onChanged(); }} onCancel={() => setEditing(false)} onReload={onChanged} /> : null}
    </li>
  );
}

function EditForm({ item, onDone, onCancel, onReload }: { item: CalendarItem; onDone: () => void; onCancel: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(item.title);
  const [startsOn, setStartsOn] = useState(item.startsOn);
  const [endsOn, setEndsOn] = useState(item.endsOn);
  const [note, setNote] = useState(item.note);
  const save = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await save.run(() => api.patch<CalendarItem>(calendarPaths.event(item.eventId!), { version: item.version, title, startsOn, endsOn, note }));
    if (ok) onDone();
  }

  return (
    <form className="calendar-edit" onSubmit={(e) => void submit(e)} aria-label={t('calendar.item.editLabel', { title: item.title })}>
      {save.error?.status === 409 ? <ConflictAlert onReload={onReload} /> : <FormError error={save.error} />}
      <div className="form-row">
        <TextField label={t('calendar.fields.title')} value={title} onChange={setTitle} error={fieldError(save.error, 'title')} />
        <TextField type="date" label={t('calendar.fields.startsOn')} value={startsOn} onChange={setStartsOn} error={fieldError(save.error, 'startsOn')} />
        <TextField type="date" label={t('calendar.fields.endsOn')} value={endsOn} onChange={setEndsOn} error={fieldError(save.error, 'endsOn')} />
      </div>
      <TextAreaField label={t('calendar.fields.note')} value={note} onChange={setNote} rows={2} error={fieldError(save.error, 'note')} />
      <div className="form-actions">
        <SubmitButton busy={save.busy}>{t('common.save')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AddItemForm({ view, onAdded }: { view: CalendarView; onAdded: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<(typeof EVENT_KINDS)[number]>('testWeek');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [groupId, setGroupId] = useState('');
  const [domain, setDomain] = useState('');
  const [audience, setAudience] = useState<(typeof AUDIENCES)[number]>('staff');
  const save = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await save.run(() => api.post<CalendarItem>(calendarPaths.events(), {
      schoolId: view.schoolId, schoolYearId: view.schoolYear.id, kind, title, startsOn, endsOn: endsOn || startsOn,
      groupId: groupId ? Number(groupId) : null, domain: kind === 'testWeek' && domain ? domain : null, audience,
    }));
    if (ok) {
      setTitle('');
      setStartsOn('');
      setEndsOn('');
      setOpen(false);
      onAdded();
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('calendar.add.open')}
        </button>
      </p>
    );
  }
  return (
    <form className="calendar-edit" onSubmit={(e) => void submit(e)} aria-label={t('calendar.add.title')}>
      <h3>{t('calendar.add.title')}</h3>
      <FormError error={save.error} />
      <div className="form-row">
        <SelectField label={t('calendar.fields.kind')} value={kind} onChange={(v) => setKind(v as typeof kind)}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('calendar.fields.title')} value={title} onChange={setTitle} error={fieldError(save.error, 'title')} />
      </div>
      <div className="form-row">
        <TextField type="date" label={t('calendar.fields.startsOn')} value={startsOn} onChange={setStartsOn} error={fieldError(save.error, 'startsOn')} />
        <TextField type="date" label={t('calendar.fields.endsOnOptional')} value={endsOn} onChange={setEndsOn} error={fieldError(save.error, 'endsOn')} />
        <SelectField label={t('calendar.fields.group')} value={groupId} onChange={setGroupId} error={fieldError(save.error, 'groupId')}>
          <option value="">{t('calendar.filters.wholeSchool')}</option>
          {view.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {groupLabel(t, g.name, view.sector)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        {kind === 'testWeek' ? (
          <SelectField label={t('calendar.fields.domain')} value={domain} onChange={setDomain} hint={t('calendar.fields.domainHint')}>
            <option value="">{t('calendar.fields.noDomain')}</option>
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {t(`calendar.domains.${d}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField label={t('calendar.fields.audience')} value={audience} onChange={(v) => setAudience(v as typeof audience)}>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {t(`calendar.audience.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <SubmitButton busy={save.busy}>{t('calendar.add.submit')}</SubmitButton>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
