// The calendar's settings for the care coordinator (collapsible): the template (start from a seed's example, rename or
// drop lines), the school's holidays, and the date rules. Saved as a whole with the version it was read at (409 when
// someone else saved in between); a refused field is shown next to it.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, CheckboxField, fieldError, FormError, Loading, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { ConflictAlert } from '../group-cycle/common';
import { CALENDAR_EVENT_KINDS, CALENDAR_PRESETS as PRESETS } from '../../domain/calendar/model';
import { calendarPaths, type CalendarSettings, type CalendarSettingsView, type Holiday, type TemplateItem } from './api';

type SettingsView = CalendarSettingsView & { version: string };

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

function anchorText(t: TFunction, item: TemplateItem): string {
  const a = item.anchor;
  switch (a.at) {
    case 'periodWeek': return t('calendar.anchor.periodWeek', { week: a.week });
    case 'periodEnd': return a.weeksBefore === 0 ? t('calendar.anchor.periodLast') : t('calendar.anchor.periodEnd', { weeks: a.weeksBefore });
    case 'month': return t('calendar.anchor.month', { week: a.week, month: t(`calendar.months.${MONTHS[a.month - 1] ?? 'jan'}`) });
    case 'every': return t('calendar.anchor.every', { count: a.weeks });
  }
}

const LINE_KINDS = [...CALENDAR_EVENT_KINDS, 'groupDiscussion', 'pupilDiscussion', 'careTeam'] as const;

/** A key for a new template line from its title: lower case, digits and dashes, unique among `keys`. */
function keyFor(title: string, keys: readonly string[]): string {
  const base = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '') || 'regel';
  let key = base;
  for (let n = 2; keys.includes(key); n++) key = `${base}-${n}`;
  return key;
}

/** Adds a line to the template at a week of a month (the other anchors come from the examples). */
function NewLine({ keys, onAdd }: { keys: string[]; onAdd: (line: TemplateItem) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<(typeof LINE_KINDS)[number]>('other');
  const [month, setMonth] = useState('9');
  const [week, setWeek] = useState('1');
  const [weekday, setWeekday] = useState('2');
  const [error, setError] = useState('');
  function add() {
    if (title.trim().length < 2) {
      setError(t('calendar.settings.newLineTitleMissing'));
      return;
    }
    setError('');
    onAdd({
      key: keyFor(title, keys), kind, title: title.trim(), anchor: { at: 'month', month: Number(month), week: Number(week) }, weekday: Number(weekday),
      days: kind === 'testWeek' ? 4 : 1, domain: null, grades: [], audience: kind === 'careMeeting' ? 'care' : 'staff',
    });
    setTitle('');
  }
  return (
    <div className="calendar-edit">
      <h3>{t('calendar.settings.newLine')}</h3>
      <div className="form-row">
        <TextField label={t('calendar.fields.title')} value={title} onChange={setTitle} error={error || undefined} />
        <SelectField label={t('calendar.fields.kind')} value={kind} onChange={(v) => setKind(v as typeof kind)}>
          {LINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <SelectField label={t('calendar.settings.month')} value={month} onChange={setMonth}>
          {MONTHS.map((m, k) => (
            <option key={m} value={k + 1}>
              {t(`calendar.months.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('calendar.settings.weekOfMonth')} value={week} onChange={setWeek}>
          {[1, 2, 3, 4, 5].map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('calendar.settings.weekday')} value={weekday} onChange={setWeekday}>
          {WEEKDAYS.map((d, k) => (
            <option key={d} value={k + 1}>
              {t(`calendar.weekdays.${d}`)}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button secondary" onClick={add}>
          {t('calendar.settings.addLine')}
        </button>
      </div>
    </div>
  );
}

function SettingsForm({ view, onSaved, onReload }: { view: SettingsView; onSaved: (v: SettingsView) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CalendarSettings>(view.settings);
  const [saved, setSaved] = useState(false);
  const save = useSubmit();
  useEffect(() => setDraft(view.settings), [view]);

  const set = (patch: Partial<CalendarSettings>) => { setDraft((d) => ({ ...d, ...patch })); setSaved(false); };
  const setHoliday = (i: number, patch: Partial<Holiday>) => set({ holidays: draft.holidays.map((h, k) => (k === i ? { ...h, ...patch } : h)) });
  const setItem = (i: number, patch: Partial<TemplateItem>) => set({ template: draft.template.map((x, k) => (k === i ? { ...x, ...patch } : x)) });

  function choosePreset(preset: string) {
    const p = preset as CalendarSettings['preset'];
    if (p !== 'custom' && !window.confirm(t('calendar.settings.confirmPreset'))) return;
    set({ preset: p, template: p === 'custom' ? draft.template : view.presets[p] });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await save.run(() => api.put<SettingsView>(calendarPaths.settings(view.schoolId), { version: view.version, settings: draft }));
    if (result) {
      setSaved(true);
      onSaved(result);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('calendar.settings.title')}>
      {save.error?.status === 409 ? <ConflictAlert onReload={onReload} /> : <FormError error={save.error} />}
      {saved ? (
        <Alert kind="success">
          <p>{t('calendar.settings.saved')}</p>
        </Alert>
      ) : null}
      <fieldset>
        <legend>{t('calendar.settings.rules')}</legend>
        <CheckboxField label={t('calendar.settings.noReadingTestOnMonday')} checked={draft.rules.noReadingTestOnMonday} onChange={(v) => set({ rules: { ...draft.rules, noReadingTestOnMonday: v } })} />
        <CheckboxField label={t('calendar.settings.noTestOnMondayAfterHoliday')} checked={draft.rules.noTestOnMondayAfterHoliday} onChange={(v) => set({ rules: { ...draft.rules, noTestOnMondayAfterHoliday: v } })} />
      </fieldset>

      <fieldset>
        <legend>{t('calendar.settings.holidays')}</legend>
        <p className="hint">{t('calendar.settings.holidaysHint')}</p>
        {draft.holidays.map((h, i) => (
          <div className="form-row" key={i}>
            <TextField label={t('calendar.settings.holidayName')} value={h.name} onChange={(v) => setHoliday(i, { name: v })} error={fieldError(save.error, `holidays.${i}.name`)} />
            <TextField type="date" label={t('calendar.fields.startsOn')} value={h.startsOn} onChange={(v) => setHoliday(i, { startsOn: v })} error={fieldError(save.error, `holidays.${i}.startsOn`)} />
            <TextField type="date" label={t('calendar.fields.endsOn')} value={h.endsOn} onChange={(v) => setHoliday(i, { endsOn: v })} error={fieldError(save.error, `holidays.${i}.endsOn`)} />
            <button type="button" className="button secondary small" onClick={() => set({ holidays: draft.holidays.filter((_, k) => k !== i) })} aria-label={t('calendar.settings.removeHoliday', { name: h.name })}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => set({ holidays: [...draft.holidays, { name: '', startsOn: '', endsOn: '' }] })}>
          {t('calendar.settings.addHoliday')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('calendar.settings.template')}</legend>
        <SelectField label={t('calendar.settings.preset')} value={draft.preset} onChange={choosePreset} hint={t('calendar.settings.presetHint')}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`calendar.presets.${p}`)}
            </option>
          ))}
        </SelectField>
        {fieldError(save.error, 'template') ? <p className="field-error">{fieldError(save.error, 'template')}</p> : null}
        <TableWrap>
          <table className="calendar-template">
            <caption>{t('calendar.settings.templateCaption', { count: draft.template.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.fields.title')}</th>
                <th scope="col">{t('calendar.fields.kind')}</th>
                <th scope="col">{t('calendar.settings.when')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.template.map((item, i) => (
                <tr key={item.key}>
                  <td>
                    <TextField label={<span className="visually-hidden">{t('calendar.settings.itemTitle', { key: item.key })}</span>} value={item.title} onChange={(v) => setItem(i, { title: v })} error={fieldError(save.error, `template.${i}.title`)} />
                  </td>
                  <td>{t(`calendar.kinds.${item.kind}`)}</td>
                  <td>
                    {anchorText(t, item)}{item.days > 1 ? ` ${t('calendar.settings.days', { count: item.days })}` : ''}
                    <SelectField label={<span className="visually-hidden">{t('calendar.settings.itemWeekday', { title: item.title })}</span>} value={String(item.weekday)} onChange={(v) => setItem(i, { weekday: Number(v) })}>
                      {WEEKDAYS.map((d, k) => (
                        <option key={d} value={k + 1}>
                          {t(`calendar.weekdays.${d}`)}
                        </option>
                      ))}
                    </SelectField>
                  </td>
                  <td>
                    <button type="button" className="button secondary small" onClick={() => set({ template: draft.template.filter((_, k) => k !== i), preset: 'custom' })} aria-label={t('calendar.settings.removeItem', { title: item.title })}>
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <NewLine keys={draft.template.map((x) => x.key)} onAdd={(line) => set({ template: [...draft.template, line], preset: 'custom' })} />
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={save.busy}>{t('calendar.settings.save')}</SubmitButton>
      </div>
    </form>
  );
}

export function SettingsPanel({ schoolId, onSaved }: { schoolId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const res = useApi<SettingsView>(open ? calendarPaths.settings(schoolId) : null);
  return (
    <Section title={t('calendar.settings.title')}>
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('calendar.settings.open')}</summary>
        {res.error ? <FormError error={res.error} /> : !res.data ? (open ? <Loading /> : null) : (
          <SettingsForm view={res.data} onReload={res.reload} onSaved={(v) => { res.setData(v); onSaved(); }} />
        )}
      </details>
    </Section>
  );
}
