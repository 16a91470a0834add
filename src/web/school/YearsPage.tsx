// School years and their care-cycle periods: generate periods from a pattern, or edit them by hand.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, Empty, fieldError, FormError, LoadError, Loading, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { compareText, formatDate } from '../shared/format';
import { PERIOD_PATTERNS, type Items, type MeSchool, type PeriodPattern, type SchoolYear } from '../shared/types';
import { AdminPage } from './common';

type PeriodRow = { key: number; name: string; startsOn: string; endsOn: string };
let rowKey = 0;

function PeriodEditor({ year, onSaved, onClose }: { year: SchoolYear; onSaved: (y: SchoolYear) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<PeriodRow[]>(() =>
    [...year.periods].sort((a, b) => a.seq - b.seq).map((p) => ({ key: ++rowKey, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
  );
  const { busy, error, run } = useSubmit();

  const update = (key: number, field: 'name' | 'startsOn' | 'endsOn') => (value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The server checks the periods in date order and reports problems by that index: keep the rows in that order.
    const sorted = [...rows].sort((a, b) => (a.startsOn || '9999').localeCompare(b.startsOn || '9999'));
    setRows(sorted);
    const periods = sorted.map((r) => ({ name: r.name.trim(), startsOn: r.startsOn, endsOn: r.endsOn }));
    const updated = await run(() => api.put<SchoolYear>(`/api/years/${year.id}/periods`, { periods }));
    if (updated) {
      onSaved(updated);
      onClose();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      <h3>{t('school.editPeriodsTitle', { year: year.name })}</h3>
      <FormError error={error} />
      {error?.fields.periods ? <p className="field-error">{error.fields.periods}</p> : null}
      {rows.length === 0 ? <Empty>{t('school.noPeriodRows')}</Empty> : null}
      {rows.map((r, i) => (
        <fieldset key={r.key} className="period-row">
          <legend>{t('school.periodN', { n: i + 1 })}</legend>
          <TextField label={t('school.periodName')} value={r.name} onChange={update(r.key, 'name')} required autoComplete="off" error={fieldError(error, `periods.${i}.name`)} />
          <TextField label={t('school.startsOn')} type="date" value={r.startsOn} onChange={update(r.key, 'startsOn')} required error={fieldError(error, `periods.${i}.startsOn`)} />
          <TextField label={t('school.endsOn')} type="date" value={r.endsOn} onChange={update(r.key, 'endsOn')} required error={fieldError(error, `periods.${i}.endsOn`)} />
          <button type="button" className="button link danger-text" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
            {t('common.remove')}
            <span className="visually-hidden"> {t('school.periodN', { n: i + 1 })}</span>
          </button>
          {error?.fields[`periods.${i}`] ? <p className="field-error row-error">{error.fields[`periods.${i}`]}</p> : null}
        </fieldset>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => setRows((rs) => [...rs, { key: ++rowKey, name: t('school.periodN', { n: rs.length + 1 }), startsOn: '', endsOn: '' }])}
        >
          {t('school.addPeriod')}
        </button>
        <SubmitButton busy={busy}>{t('school.savePeriods')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function GenerateForm({ year, onSaved }: { year: SchoolYear; onSaved: (y: SchoolYear) => void }) {
  const { t } = useTranslation();
  const [pattern, setPattern] = useState<PeriodPattern>('three_cycles');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (year.periods.length > 0 && !window.confirm(t('school.replacePeriodsConfirm'))) return;
    const updated = await run(() => api.put<SchoolYear>(`/api/years/${year.id}/periods`, { pattern }));
    if (updated) {
      onSaved(updated);
      setDone(true);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform inline-form">
      <FormError error={error} />
      {done ? (
        <Alert kind="success">
          <p>{t('school.periodsGenerated')}</p>
        </Alert>
      ) : null}
      <div className="form-row">
        <SelectField label={t('school.pattern')} value={pattern} onChange={(v) => setPattern(v as PeriodPattern)} error={fieldError(error, 'pattern')}>
          {PERIOD_PATTERNS.map((p) => (
            <option key={p} value={p}>
              {t(`school.patterns.${p}`)}
            </option>
          ))}
        </SelectField>
        <SubmitButton busy={busy}>{t('school.generate')}</SubmitButton>
      </div>
    </form>
  );
}

function YearCard({ year, onSaved }: { year: SchoolYear; onSaved: (y: SchoolYear) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const periods = [...year.periods].sort((a, b) => a.seq - b.seq);
  return (
    <Section
      title={t('school.yearTitle', { year: year.name })}
      actions={year.current ? <span className="badge">{t('school.currentYear')}</span> : null}
    >
      <p className="muted">{t('school.yearRange', { from: formatDate(year.startsOn), to: formatDate(year.endsOn) })}</p>
      {periods.length === 0 ? (
        <Empty>{t('school.noPeriods')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('school.periodsCaption', { year: year.name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('school.seq')}
                </th>
                <th scope="col">{t('school.periodName')}</th>
                <th scope="col">{t('school.startsOn')}</th>
                <th scope="col">{t('school.endsOn')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id}>
                  <td className="num">{p.seq}</td>
                  <th scope="row">{p.name}</th>
                  <td>{formatDate(p.startsOn)}</td>
                  <td>{formatDate(p.endsOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editing ? (
        <PeriodEditor year={year} onSaved={onSaved} onClose={() => setEditing(false)} />
      ) : (
        <>
          <GenerateForm year={year} onSaved={onSaved} />
          <p>
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              {t('school.editPeriods')}
            </button>
          </p>
        </>
      )}
    </Section>
  );
}

function suggestNextYear(years: SchoolYear[]): { name: string; startsOn: string; endsOn: string } {
  const latest = [...years].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  const start = latest ? Number(latest.startsOn.slice(0, 4)) + 1 : new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  return { name: `${start}-${start + 1}`, startsOn: `${start}-08-01`, endsOn: `${start + 1}-07-31` };
}

function NewYearForm({ school, years, onCreated }: { school: MeSchool; years: SchoolYear[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => suggestNextYear(years));
  const { busy, error, run } = useSubmit();
  const [created, setCreated] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const ok = await run(async () => {
      await api.post(`/api/schools/${school.id}/years`, { name: form.name.trim(), startsOn: form.startsOn, endsOn: form.endsOn });
      return true;
    });
    if (ok) {
      setCreated(form.name);
      setForm(suggestNextYear([...years, { id: 0, name: form.name, startsOn: form.startsOn, endsOn: form.endsOn, current: false, periods: [] }]));
      onCreated();
    }
  }

  return (
    <Section title={t('school.newYearTitle')}>
      <form onSubmit={submit} noValidate>
        {created ? (
          <Alert kind="success">
            <p>{t('school.yearCreated', { year: created })}</p>
          </Alert>
        ) : null}
        <FormError error={error} />
        <div className="form-grid">
          <TextField label={t('school.yearName')} value={form.name} onChange={set('name')} required autoComplete="off" hint={t('school.yearNameHint')} error={fieldError(error, 'name')} />
          <TextField label={t('school.startsOn')} type="date" value={form.startsOn} onChange={set('startsOn')} required error={fieldError(error, 'startsOn')} />
          <TextField label={t('school.endsOn')} type="date" value={form.endsOn} onChange={set('endsOn')} required error={fieldError(error, 'endsOn')} />
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('school.createYear')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function Years({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const years = useApi<Items<SchoolYear>>(`/api/schools/${school.id}/years`);
  if (years.error) return <LoadError error={years.error} onRetry={years.reload} />;
  if (!years.data) return <Loading />;
  const list = [...years.data.items].sort((a, b) => compareText(b.startsOn, a.startsOn));
  const replace = (y: SchoolYear) => years.setData({ items: years.data!.items.map((x) => (x.id === y.id ? { ...x, ...y } : x)) });
  return (
    <>
      {list.length === 0 ? <Empty>{t('school.noYears')}</Empty> : list.map((y) => <YearCard key={y.id} year={y} onSaved={replace} />)}
      <NewYearForm school={school} years={list} onCreated={years.reload} />
    </>
  );
}

export function YearsPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('school.yearsPageTitle')} intro={<p className="muted">{t('school.yearsIntro')}</p>}>
      {(school) => <Years key={school.id} school={school} />}
    </AdminPage>
  );
}
