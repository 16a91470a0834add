// Instrument settings (care coordinator): the school's tests with their moments, score kinds and level scale,
// their norm tables (view and replace from CSV).
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Alert, CheckboxField, Empty, fieldError, FormError, Loading, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';
import { careSchools, SchoolPage, useInstruments } from './common';
import { ErrorTable } from './ImportPage';
import { DOMAINS, LEVEL_SCALES, SCORE_KINDS, type Domain, type Instrument, type LevelScale, type Norms, type RowError, type ScoreKind } from './types';
import { domainLabel, formatNumber, momentOrder, scaleLabel } from './util';

type Form = { code: string; name: string; domain: Domain; supplier: string; moments: string; scoreKinds: ScoreKind[]; levelScale: LevelScale | ''; active: boolean };

function toForm(i?: Instrument): Form {
  return {
    code: i?.code ?? '',
    name: i?.name ?? '',
    domain: i?.domain ?? 'rekenen-wiskunde',
    supplier: i?.supplier ?? '',
    moments: i ? i.moments.join(' ') : '',
    scoreKinds: i?.scoreKinds ?? ['ability'],
    levelScale: i?.levelScale ?? 'IV',
    active: i?.active ?? true,
  };
}

function InstrumentForm({ school, instrument, onSaved, onClose }: { school: MeSchool; instrument?: Instrument; onSaved: (i: Instrument) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const kindsId = useId();
  const [form, setForm] = useState<Form>(toForm(instrument));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const moments = form.moments
      .split(/[\s,;]+/)
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean);
    const body = {
      name: form.name.trim(),
      domain: form.domain,
      supplier: form.supplier.trim(),
      moments,
      scoreKinds: form.scoreKinds,
      levelScale: form.levelScale || null,
    };
    try {
      const saved = instrument
        ? await request<Instrument>('PATCH', `/api/instruments/${instrument.id}`, { version: instrument.version, ...body, active: form.active })
        : await request<Instrument>('POST', `/api/schools/${school.id}/instruments`, { code: form.code.trim(), ...body });
      onSaved(saved);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="subform">
      <h3>{instrument ? t('assessments.instruments.editTitle', { name: instrument.name }) : t('assessments.instruments.newTitle')}</h3>
      <FormError error={error} />
      <div className="form-grid">
        {!instrument ? (
          <TextField label={t('assessments.instruments.code')} value={form.code} onChange={set('code')} required autoComplete="off" hint={t('assessments.instruments.codeHint')} error={fieldError(error, 'code')} />
        ) : null}
        <TextField label={t('assessments.instruments.name')} value={form.name} onChange={set('name')} required autoComplete="off" error={fieldError(error, 'name')} />
        <SelectField label={t('assessments.domain')} value={form.domain} onChange={(v) => set('domain')(v as Domain)} error={fieldError(error, 'domain')}>
          {DOMAINS.map((d) => (
            <option key={d} value={d}>
              {domainLabel(t, d)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('assessments.instruments.supplier')} value={form.supplier} onChange={set('supplier')} autoComplete="off" error={fieldError(error, 'supplier')} />
        <TextField label={t('assessments.instruments.moments')} value={form.moments} onChange={set('moments')} required autoComplete="off" hint={t('assessments.instruments.momentsHint')} error={fieldError(error, 'moments')} />
        <SelectField label={t('assessments.instruments.scale')} value={form.levelScale} onChange={(v) => set('levelScale')(v as LevelScale | '')} error={fieldError(error, 'levelScale')}>
          <option value="">{scaleLabel(t, null)}</option>
          {LEVEL_SCALES.map((s) => (
            <option key={s} value={s}>
              {scaleLabel(t, s)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className={`checks-inline${fieldError(error, 'scoreKinds') ? ' field-invalid' : ''}`} aria-describedby={fieldError(error, 'scoreKinds') ? `${kindsId}-error` : undefined}>
        <legend>{t('assessments.instruments.scoreKinds')}</legend>
        <div className="check-row">
          {SCORE_KINDS.map((k) => (
            <label key={k} className="check-chip">
              <input
                type="checkbox"
                checked={form.scoreKinds.includes(k)}
                onChange={(e) => set('scoreKinds')(e.target.checked ? [...form.scoreKinds, k] : form.scoreKinds.filter((x) => x !== k))}
              />{' '}
              {t(`assessments.scoreKinds.${k}`)}
            </label>
          ))}
        </div>
        {fieldError(error, 'scoreKinds') ? (
          <p className="field-error" id={`${kindsId}-error`}>
            {fieldError(error, 'scoreKinds')}
          </p>
        ) : null}
      </fieldset>
      {instrument ? <CheckboxField label={t('assessments.instruments.active')} checked={form.active} onChange={set('active')} hint={t('assessments.instruments.activeHint')} /> : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{instrument ? t('common.save') : t('assessments.instruments.add')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function NormsPanel({ instrument, onChanged }: { instrument: Instrument; onChanged: () => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const norms = useApi<Norms>(`/api/instruments/${instrument.id}/norms`);
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setRowErrors([]);
    setSaved(false);
    try {
      const next = await request<Norms>('PUT', `/api/instruments/${instrument.id}/norms`, { csv });
      norms.setData(next);
      setSaved(true);
      setCsv('');
      onChanged();
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false);
      if (apiErr instanceof ApiError && Array.isArray(apiErr.body.errors)) setRowErrors(apiErr.body.errors as RowError[]);
      setError(apiErr);
    } finally {
      setBusy(false);
    }
  }

  const level = [...(norms.data?.levelNorms ?? [])].sort((a, b) => momentOrder(a.moment, b.moment));
  const dle = [...(norms.data?.dleNorms ?? [])].sort((a, b) => momentOrder(a.moment ?? '', b.moment ?? ''));
  const bandLevels = level[0]?.bands.map((b) => b.level) ?? [];

  return (
    <Section title={t('assessments.norms.title', { name: instrument.name })}>
      <Alert kind="info">
        <p>{t('assessments.norms.illustrative')}</p>
      </Alert>
      {norms.error ? <FormError error={norms.error} /> : !norms.data ? <Loading /> : null}
      {norms.data && level.length === 0 && dle.length === 0 ? <Empty>{t('assessments.norms.none')}</Empty> : null}
      {level.length > 0 ? (
        <>
          <h3 className="minor-heading">{t('assessments.norms.levelTitle')}</h3>
          <TableWrap>
            <table>
              <caption className="visually-hidden">{t('assessments.norms.levelCaption', { name: instrument.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessments.moment')}</th>
                  {bandLevels.map((l) => (
                    <th key={l} scope="col" className="num">
                      {t('assessments.norms.from', { level: l })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {level.map((n) => (
                  <tr key={n.moment}>
                    <th scope="row">{n.moment}</th>
                    {bandLevels.map((l) => {
                      const b = n.bands.find((x) => x.level === l);
                      return (
                        <td key={l} className="num">
                          {b ? formatNumber(b.minScore) : '—'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
      {dle.length > 0 ? (
        <>
          <h3 className="minor-heading">{t('assessments.norms.dleTitle')}</h3>
          <TableWrap>
            <table>
              <caption className="visually-hidden">{t('assessments.norms.dleCaption', { name: instrument.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessments.moment')}</th>
                  <th scope="col">{t('assessments.norms.points')}</th>
                </tr>
              </thead>
              <tbody>
                {dle.map((n) => (
                  <tr key={n.moment ?? 'all'}>
                    <th scope="row">{n.moment ?? t('assessments.norms.allMoments')}</th>
                    <td>{n.points.map((p) => t('assessments.norms.point', { score: formatNumber(p.score), dle: formatNumber(p.dle) })).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
      <form onSubmit={submit} noValidate className="subform">
        <h3>{t('assessments.norms.uploadTitle')}</h3>
        <p className="hint">{t('assessments.norms.uploadHint')}</p>
        {saved ? (
          <Alert kind="success">
            <p>{t('assessments.norms.saved')}</p>
          </Alert>
        ) : null}
        {error ? (
          <Alert kind="error">
            <p>{rowErrors.length > 0 ? t('assessments.norms.invalid', { count: rowErrors.length }) : error.message || t('errors.generic')}</p>
          </Alert>
        ) : null}
        <ErrorTable errors={rowErrors} total={rowErrors.length} caption={t('assessments.norms.errorsCaption')} />
        <div className="field">
          <label htmlFor={fileId}>{t('assessments.norms.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.txt,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then(setCsv);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${fileId}-text`}>{t('assessments.norms.text')}</label>
          <textarea id={`${fileId}-text`} rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} className="mono" />
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('assessments.norms.replace')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function Instruments({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const instruments = useInstruments(school.id);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const normsFor = instruments.items.find((i) => String(i.id) === params.get('normen'));
  const editInstrument = typeof editing === 'number' ? instruments.items.find((i) => i.id === editing) : undefined;

  function showNorms(id: number | null) {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('normen');
    else next.set('normen', String(id));
    setParams(next, { replace: true });
  }

  return (
    <>
      <Section
        title={t('assessments.instruments.listTitle')}
        actions={
          editing === null ? (
            <button type="button" className="button secondary small" onClick={() => setEditing('new')}>
              {t('assessments.instruments.new')}
            </button>
          ) : null
        }
      >
        {saved ? (
          <Alert kind="success">
            <p>{t('assessments.instruments.saved', { name: saved })}</p>
          </Alert>
        ) : null}
        {instruments.error ? (
          <FormError error={instruments.error} />
        ) : !instruments.data ? (
          <Loading />
        ) : instruments.items.length === 0 ? (
          <Empty>{t('assessments.noInstruments')}</Empty>
        ) : (
          <TableWrap>
            <table>
              <caption className="visually-hidden">{t('assessments.instruments.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessments.instruments.name')}</th>
                  <th scope="col">{t('assessments.domain')}</th>
                  <th scope="col">{t('assessments.instruments.moments')}</th>
                  <th scope="col">{t('assessments.instruments.scoreKinds')}</th>
                  <th scope="col">{t('assessments.instruments.scale')}</th>
                  <th scope="col">{t('assessments.instruments.norms')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {instruments.items.map((i) => (
                  <tr key={i.id} className={normsFor?.id === i.id ? 'selected' : undefined}>
                    <th scope="row">
                      {i.name}
                      <span className="small-line muted">{i.supplier}</span>
                      {!i.active ? <span className="badge badge-muted">{t('assessments.instruments.inactive')}</span> : null}
                    </th>
                    <td>{domainLabel(t, i.domain)}</td>
                    <td className="moments-cell">{[...i.moments].sort(momentOrder).join(' ')}</td>
                    <td>{i.scoreKinds.map((k) => t(`assessments.scoreKinds.${k}`)).join(', ')}</td>
                    <td className="nowrap">{i.levelScale ? t(`assessments.scalesShort.${i.levelScale}`) : '—'}</td>
                    <td>
                      {[i.hasLevelNorms ? t('assessments.instruments.levelNorms') : '', i.hasDleNorms ? t('assessments.instruments.dleNorms') : ''].filter(Boolean).join(', ') || (
                        <span className="muted">{t('common.none')}</span>
                      )}
                    </td>
                    <td className="actions stacked">
                      <button
                        type="button"
                        className="button link"
                        onClick={() => {
                          setEditing(i.id);
                          setSaved(null);
                        }}
                      >
                        {t('common.edit')}
                        <span className="visually-hidden"> {i.name}</span>
                      </button>
                      <button type="button" className="button link" onClick={() => showNorms(i.id)} aria-pressed={normsFor?.id === i.id}>
                        {t('assessments.instruments.showNorms')}
                        <span className="visually-hidden"> {i.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {editing === 'new' || editInstrument ? (
          <InstrumentForm
            key={editing}
            school={school}
            instrument={editInstrument}
            onClose={() => setEditing(null)}
            onSaved={(i) => {
              setEditing(null);
              setSaved(i.name);
              instruments.reload();
            }}
          />
        ) : null}
      </Section>
      {normsFor ? <NormsPanel key={normsFor.id} instrument={normsFor} onChanged={instruments.reload} /> : null}
    </>
  );
}

export function InstrumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SchoolPage title={t('assessments.instruments.title')} schools={careSchools(me)}>
      {(school) => <Instruments key={school.id} school={school} />}
    </SchoolPage>
  );
}
