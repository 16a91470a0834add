// CSV import of results (care coordinator): upload → column mapping with a preview → validation with row-level
// errors and counts → commit (all or nothing) with a progress bar → summary.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, request, api } from '../shared/api';
import { Alert, CheckboxField, FormError, Section, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';
import { careSchools, InstrumentOptions, SchoolPage, useInstruments } from './common';
import { IMPORT_FIELDS, type ColumnMapping, type ImportDefaults, type ImportField, type ImportPreview, type ImportStatus, type ImportUpload, type RowError } from './types';
import { codeText, momentOption, momentOrder } from './util';

type Step = 'upload' | 'map' | 'check' | 'commit' | 'done';
const STEPS: Step[] = ['upload', 'map', 'check', 'commit', 'done'];

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false);
}

function Steps({ step }: { step: Step }) {
  const { t } = useTranslation();
  const current = STEPS.indexOf(step);
  return (
    <ol className="wizard-steps" aria-label={t('assessments.import.stepsLabel')}>
      {STEPS.map((s, i) => (
        <li key={s} className={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className="step-no" aria-hidden="true">
            {i + 1}
          </span>
          {t(`assessments.import.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}

export function ErrorTable({ errors, total, caption }: { errors: RowError[]; total: number; caption: string }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <>
      <TableWrap>
        <table className="error-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('assessments.import.row')}
              </th>
              <th scope="col">{t('assessments.import.column')}</th>
              <th scope="col">{t('assessments.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <th scope="row" className="num">
                  {e.row}
                </th>
                <td>{e.column ?? '—'}</td>
                <td>{codeText(t, 'importErrors', e.code, e.params ?? {}, e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {total > errors.length ? <p className="muted">{t('assessments.import.moreErrors', { shown: errors.length, total })}</p> : null}
    </>
  );
}

function UploadStep({ school, onUploaded }: { school: MeSchool; onUploaded: (u: ImportUpload) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const bytes = await file.arrayBuffer();
      onUploaded(await api.uploadCsv<ImportUpload>(`/api/schools/${school.id}/result-imports?fileName=${encodeURIComponent(file.name)}`, bytes));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('assessments.import.uploadTitle')}>
      <p>{t('assessments.import.uploadIntro')}</p>
      <form onSubmit={submit} noValidate className="form-narrow">
        <FormError error={error} />
        <div className={`field${missing ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>{t('assessments.import.file')}</label>
          <input
            id={id}
            type="file"
            accept=".csv,.txt,text/csv"
            aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
            aria-invalid={missing || undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
            }}
          />
          <p className="hint" id={`${id}-hint`}>
            {t('assessments.import.fileHint')}
          </p>
          {missing ? (
            <p className="field-error" id={`${id}-error`}>
              {t('assessments.import.fileMissing')}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('assessments.import.upload')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function MapStep({
  school,
  upload,
  mapping,
  setMapping,
  defaults,
  setDefaults,
  onPreview,
  onRestart,
}: {
  school: MeSchool;
  upload: ImportUpload;
  mapping: ColumnMapping;
  setMapping: (m: ColumnMapping) => void;
  defaults: ImportDefaults;
  setDefaults: (d: ImportDefaults) => void;
  onPreview: (p: ImportPreview) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const instruments = useInstruments(school.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const chosen = instruments.items.find((i) => i.code === defaults.instrumentCode);

  function setField(field: ImportField, value: string) {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onPreview(await request<ImportPreview>('POST', `/api/result-imports/${upload.id}/preview`, { mapping, defaults: clean(defaults) }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const layoutKey = `assessments.import.layouts.${upload.layoutId}`;
  const layoutName = t(layoutKey as 'assessments.import.layouts.generic', { defaultValue: upload.layoutId });

  return (
    <>
      <Section title={t('assessments.import.previewTitle')}>
        <p>
          {t('assessments.import.fileSummary', { file: upload.fileName, total: upload.total, encoding: upload.encoding, delimiter: delimiterName(t, upload.delimiter) })}
        </p>
        <p>
          <strong>{t('assessments.import.detected')}</strong> {layoutName}
        </p>
        <TableWrap>
          <table className="preview-table">
            <caption>{t('assessments.import.previewCaption', { count: upload.sample.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('assessments.import.row')}
                </th>
                {upload.header.map((h, i) => (
                  <th key={i} scope="col">
                    {h || t('assessments.import.unnamedColumn', { n: i + 1 })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {upload.sample.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className="num">
                    {r + 2}
                  </th>
                  {upload.header.map((_, c) => (
                    <td key={c}>{row[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Section>
      <Section title={t('assessments.import.mappingTitle')}>
        <form onSubmit={submit} noValidate>
          <p className="hint">{t('assessments.import.mappingHint')}</p>
          <FormError error={error} />
          <div className="form-grid mapping-grid">
            {IMPORT_FIELDS.map((f) => (
              <SelectField key={f} label={t(`assessments.import.fields.${f}`)} value={mapping[f] === undefined ? '' : String(mapping[f])} onChange={(v) => setField(f, v)}>
                <option value="">{t('assessments.import.notInFile')}</option>
                {upload.header.map((h, i) => (
                  <option key={i} value={i}>
                    {h || t('assessments.import.unnamedColumn', { n: i + 1 })}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
          <h3 className="minor-heading">{t('assessments.import.defaultsTitle')}</h3>
          <p className="hint">{t('assessments.import.defaultsHint')}</p>
          <div className="form-grid">
            <SelectField
              label={t('assessments.import.defaultInstrument')}
              value={chosen ? String(chosen.id) : ''}
              onChange={(v) => {
                const i = instruments.items.find((x) => String(x.id) === v);
                setDefaults({ ...defaults, instrumentCode: i?.code, moment: undefined });
              }}
            >
              <option value="">{t('assessments.import.noDefault')}</option>
              <InstrumentOptions instruments={instruments.items.filter((i) => i.active)} />
            </SelectField>
            <SelectField label={t('assessments.import.defaultMoment')} value={defaults.moment ?? ''} onChange={(v) => setDefaults({ ...defaults, moment: v || undefined })}>
              <option value="">{t('assessments.import.noDefault')}</option>
              {(chosen ? [...chosen.moments].sort(momentOrder) : []).map((m) => (
                <option key={m} value={m}>
                  {momentOption(t, m, school.sector)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('assessments.import.defaultTakenOn')} type="date" value={defaults.takenOn ?? ''} onChange={(v) => setDefaults({ ...defaults, takenOn: v || undefined })} />
          </div>
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('assessments.import.check')}</SubmitButton>
            <button type="button" className="button secondary" onClick={onRestart}>
              {t('assessments.import.otherFile')}
            </button>
          </div>
        </form>
      </Section>
    </>
  );
}

function clean(d: ImportDefaults): ImportDefaults {
  const out: ImportDefaults = {};
  if (d.instrumentCode) out.instrumentCode = d.instrumentCode;
  if (d.moment) out.moment = d.moment;
  if (d.takenOn) out.takenOn = d.takenOn;
  return out;
}

function delimiterName(t: TFunction, d: string): string {
  if (d === ';') return t('assessments.import.delimiters.semicolon');
  if (d === ',') return t('assessments.import.delimiters.comma');
  if (d === '\t') return t('assessments.import.delimiters.tab');
  return d;
}

function CheckStep({
  upload,
  preview,
  mapping,
  defaults,
  onBack,
  onCommitted,
}: {
  upload: ImportUpload;
  preview: ImportPreview;
  mapping: ColumnMapping;
  defaults: ImportDefaults;
  onBack: () => void;
  onCommitted: () => void;
}) {
  const { t } = useTranslation();
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [commitErrors, setCommitErrors] = useState<RowError[] | null>(null);
  const errors = commitErrors ?? preview.errors;
  const blocking = errors.filter((e) => e.code !== 'changesExisting');
  const needsOverwrite = preview.changed > 0 || errors.some((e) => e.code === 'changesExisting');
  const canCommit = blocking.length === 0 && preview.new + preview.changed > 0 && (!needsOverwrite || overwrite);

  async function commit() {
    setBusy(true);
    setError(null);
    try {
      await request('POST', `/api/result-imports/${upload.id}/commit`, { mapping, defaults: clean(defaults), overwrite });
      onCommitted();
    } catch (err) {
      const e = asApiError(err);
      if (e instanceof ApiError && Array.isArray(e.body.errors)) setCommitErrors(e.body.errors as RowError[]);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const nothingToDo = preview.new + preview.changed === 0 && preview.errorCount === 0;

  return (
    <Section title={t('assessments.import.checkTitle')}>
      <dl className="counts">
        <div>
          <dt>{t('assessments.import.counts.total')}</dt>
          <dd>{preview.total}</dd>
        </div>
        <div>
          <dt>{t('assessments.import.counts.new')}</dt>
          <dd>{preview.new}</dd>
        </div>
        <div>
          <dt>{t('assessments.import.counts.changed')}</dt>
          <dd>{preview.changed}</dd>
        </div>
        <div>
          <dt>{t('assessments.import.counts.unchanged')}</dt>
          <dd>{preview.unchanged}</dd>
        </div>
        <div className={preview.errorCount > 0 ? 'has-errors' : undefined}>
          <dt>{t('assessments.import.counts.errors')}</dt>
          <dd>{preview.errorCount}</dd>
        </div>
      </dl>
      {error ? <FormError error={error} /> : null}
      {nothingToDo ? (
        <Alert kind="info">
          <p>{t('assessments.import.nothingNew')}</p>
        </Alert>
      ) : blocking.length > 0 ? (
        <Alert kind="error">
          <p>{t('assessments.import.hasErrors', { count: preview.errorCount })}</p>
        </Alert>
      ) : (
        <Alert kind="success">
          <p>{needsOverwrite ? t('assessments.import.validWithChanges') : t('assessments.import.allValid')}</p>
        </Alert>
      )}
      <ErrorTable errors={errors} total={commitErrors ? commitErrors.length : preview.errorCount} caption={t('assessments.import.errorsCaption')} />
      {needsOverwrite ? (
        <CheckboxField label={t('assessments.import.overwrite', { count: preview.changed })} checked={overwrite} onChange={setOverwrite} hint={t('assessments.import.overwriteHint')} />
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={!canCommit || busy} aria-busy={busy || undefined} onClick={() => void commit()}>
          {busy ? t('common.busy') : t('assessments.import.commit')}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('assessments.import.backToMapping')}
        </button>
      </div>
    </Section>
  );
}

function CommitStep({ importId, onDone }: { importId: number; onDone: (s: ImportStatus) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await api.get<ImportStatus>(`/api/result-imports/${importId}`);
        if (stopped) return;
        setStatus(s);
        setError(null);
        if (s.status === 'committed' || s.status === 'failed') {
          done.current(s);
          return;
        }
      } catch (err) {
        if (stopped) return;
        setError(asApiError(err));
      }
      timer = setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [importId]);

  const total = status?.total ?? 0;
  const processed = Math.min(status?.processed ?? 0, total);
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  return (
    <Section title={t('assessments.import.committingTitle')}>
      <FormError error={error} />
      <div className="progress-field">
        <label htmlFor="import-progress">{t('assessments.import.progressLabel')}</label>
        <progress id="import-progress" max={total || 1} value={processed} aria-valuetext={t('assessments.import.progressText', { processed, total, percent })} />
        <p role="status" aria-live="polite">
          {t('assessments.import.progressText', { processed, total, percent })}
        </p>
      </div>
    </Section>
  );
}

function DoneStep({ status, onAgain }: { status: ImportStatus; onAgain: () => void }) {
  const { t } = useTranslation();
  const failed = status.status === 'failed';
  return (
    <Section title={failed ? t('assessments.import.failedTitle') : t('assessments.import.doneTitle')}>
      {failed ? (
        <Alert kind="error">
          <p>{t('assessments.import.failed')}</p>
          {status.error ? <p>{status.error}</p> : null}
        </Alert>
      ) : (
        <Alert kind="success">
          <p>{t('assessments.import.done', { file: status.fileName })}</p>
        </Alert>
      )}
      {!failed ? (
        <dl className="counts">
          <div>
            <dt>{t('assessments.import.counts.inserted')}</dt>
            <dd>{status.inserted}</dd>
          </div>
          <div>
            <dt>{t('assessments.import.counts.updated')}</dt>
            <dd>{status.updated}</dd>
          </div>
          <div>
            <dt>{t('assessments.import.counts.unchanged')}</dt>
            <dd>{status.unchanged}</dd>
          </div>
        </dl>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onAgain}>
          {t('assessments.import.another')}
        </button>
        <Link className="button secondary" to="/groepen">
          {t('assessments.import.toGroups')}
        </Link>
      </div>
    </Section>
  );
}

function ImportWizard({ school }: { school: MeSchool }) {
  const [step, setStep] = useState<Step>('upload');
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [defaults, setDefaults] = useState<ImportDefaults>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const top = useRef<HTMLDivElement>(null);

  function go(next: Step) {
    setStep(next);
    // Move focus to the new step so keyboard and screen-reader users continue there.
    setTimeout(() => top.current?.focus(), 0);
  }

  function restart() {
    setUpload(null);
    setPreview(null);
    setStatus(null);
    setMapping({});
    setDefaults({});
    go('upload');
  }

  return (
    <div ref={top} tabIndex={-1} className="wizard">
      <Steps step={step} />
      {step === 'upload' ? (
        <UploadStep
          school={school}
          onUploaded={(u) => {
            setUpload(u);
            setMapping(u.mapping ?? {});
            go('map');
          }}
        />
      ) : null}
      {step === 'map' && upload ? (
        <MapStep
          school={school}
          upload={upload}
          mapping={mapping}
          setMapping={setMapping}
          defaults={defaults}
          setDefaults={setDefaults}
          onPreview={(p) => {
            setPreview(p);
            go('check');
          }}
          onRestart={restart}
        />
      ) : null}
      {step === 'check' && upload && preview ? (
        <CheckStep upload={upload} preview={preview} mapping={mapping} defaults={defaults} onBack={() => go('map')} onCommitted={() => go('commit')} />
      ) : null}
      {step === 'commit' && upload ? (
        <CommitStep
          importId={upload.id}
          onDone={(s) => {
            setStatus(s);
            go('done');
          }}
        />
      ) : null}
      {step === 'done' && status ? <DoneStep status={status} onAgain={restart} /> : null}
    </div>
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const schools = careSchools(me);
  return (
    <SchoolPage title={t('assessments.import.title')} schools={schools}>
      {(school) => <ImportWizard key={school.id} school={school} />}
    </SchoolPage>
  );
}
