// Entering a group's test results (toetsresultaten invoeren): one row per pupil, keyboard only like a
// spreadsheet (Enter/arrow keys move down and up, Tab across), paste a column or block from a spreadsheet,
// all rows saved at once or none. Levels and DLE that the server derives from the norms show after saving.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Alert, Empty, FormError, LoadError, Loading, Page, SelectField, SubmitButton, TableWrap, TextField } from '../shared/components';
import { comparePupils, formatDate, fullName } from '../shared/format';
import { useGroupLabel } from '../shared/labels';
import { useMe } from '../shared/session';
import type { GroupDetail } from '../shared/types';
import { GroupResultActions, InstrumentSelect, useInstrumentChoice, useInstruments } from './common';
import { AVI_LEVELS, enterableLevels, OBSERVATION_VALUES, type Grid, type GridRow, type GridRowError, type Instrument, type ScoreKind } from './types';
import { formatNumber, momentOption, momentOrder, numberInput, parseDecimal, parseMoment, todayIso } from './util';

type Field = 'rawScore' | 'abilityScore' | 'level' | 'percentile' | 'dle' | 'textValue';
const NUMERIC: Field[] = ['rawScore', 'abilityScore', 'percentile', 'dle'];
const FIELD_OF: Record<ScoreKind, Field> = {
  raw: 'rawScore',
  ability: 'abilityScore',
  level: 'level',
  percentile: 'percentile',
  dle: 'dle',
  avi: 'textValue',
  observation: 'textValue',
};

type Cells = Record<number, Partial<Record<Field, string>>>;

/**
 * The columns a user types in. Level and DLE that the server derives from a norm table (from the raw or ability
 * score) are shown read-only after saving instead, so a stale derived value is never sent back as if typed.
 */
function entryFields(instrument: Instrument): Field[] {
  const scored = instrument.scoreKinds.includes('raw') || instrument.scoreKinds.includes('ability');
  const out: Field[] = [];
  for (const k of instrument.scoreKinds) {
    const f = FIELD_OF[k];
    if (f === 'level' && scored && instrument.hasLevelNorms) continue;
    if (f === 'dle' && scored && instrument.hasDleNorms) continue;
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

function cellsOf(rows: GridRow[], fields: Field[]): Cells {
  const cells: Cells = {};
  for (const r of rows) {
    const c: Partial<Record<Field, string>> = {};
    for (const f of fields) {
      const v = r.result ? r.result[f] : null;
      c[f] = v === null || v === undefined ? '' : typeof v === 'number' ? numberInput(v) : String(v);
    }
    cells[r.pupilId] = c;
  }
  return cells;
}

function sameCells(a: Partial<Record<Field, string>> | undefined, b: Partial<Record<Field, string>> | undefined, fields: Field[]): boolean {
  return fields.every((f) => (a?.[f] ?? '').trim() === (b?.[f] ?? '').trim());
}

/** Splits pasted spreadsheet text into rows of cells (tab separated, one line per row). */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

function GridTable({
  grid,
  fields,
  sector,
  onSaved,
}: {
  grid: Grid;
  fields: Field[];
  sector: 'po' | 'vo';
  onSaved: (g: Grid) => void;
}) {
  const { t } = useTranslation();
  const rows = useMemo(() => [...grid.rows].sort(comparePupils), [grid.rows]);
  const original = useMemo(() => cellsOf(grid.rows, fields), [grid.rows, fields]);
  const [cells, setCells] = useState<Cells>(original);
  const [takenOn, setTakenOn] = useState(grid.takenOn ?? todayIso());
  const [rowErrors, setRowErrors] = useState<GridRowError[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const inputs = useRef(new Map<string, HTMLInputElement>());

  useEffect(() => {
    setCells(original);
    setTakenOn(grid.takenOn ?? todayIso());
  }, [original, grid.takenOn]);

  const instrument = grid.instrument;
  const scale = instrument.levelScale;
  const showGrade = new Set(rows.map((r) => r.grade)).size > 1;
  const derivedLevel = !fields.includes('level') && (instrument.hasLevelNorms || rows.some((r) => r.result?.level));
  const derivedDle = !fields.includes('dle') && (instrument.hasDleNorms || rows.some((r) => r.result?.dle !== null && r.result?.dle !== undefined));
  const dirtyIds = rows.filter((r) => !sameCells(cells[r.pupilId], original[r.pupilId], fields)).map((r) => r.pupilId);
  const dateChanged = takenOn !== (grid.takenOn ?? todayIso()) && grid.takenOn !== null;

  const errorFor = (pupilId: number, field: Field): string | undefined =>
    localErrors[`${pupilId}:${field}`] ?? rowErrors.find((e) => e.pupilId === pupilId && (e.field === field || e.field.endsWith(`.${field}`)))?.message;
  const rowLevelError = (pupilId: number): string | undefined =>
    rowErrors.find((e) => e.pupilId === pupilId && !fields.some((f) => e.field === f || e.field.endsWith(`.${f}`)))?.message;

  function setCell(pupilId: number, field: Field, value: string) {
    setCells((c) => ({ ...c, [pupilId]: { ...c[pupilId], [field]: value } }));
    setSaved(null);
  }

  function focusCell(r: number, c: number) {
    const el = inputs.current.get(`${r}:${c}`);
    if (el) {
      el.focus();
      el.select();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, r: number, c: number) {
    if (e.key === 'Enter') {
      e.preventDefault();
      focusCell(e.shiftKey ? r - 1 : r + 1, c);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusCell(r + 1, c);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusCell(r - 1, c);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, r: number, c: number) {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/[\r\n]+$/, ''))) return;
    e.preventDefault();
    const block = parseBlock(text);
    const updates: { pupilId: number; field: Field; value: string }[] = [];
    block.forEach((line, i) => {
      const row = rows[r + i];
      if (!row) return;
      line.forEach((value, j) => {
        const field = fields[c + j];
        if (field) updates.push({ pupilId: row.pupilId, field, value: value.trim() });
      });
    });
    setCells((cur) => {
      const next = { ...cur };
      for (const u of updates) next[u.pupilId] = { ...next[u.pupilId], [u.field]: u.value };
      return next;
    });
    setSaved(null);
    setAnnounce(t('assessments.grid.pasted', { count: updates.length }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    setRowErrors([]);
    const ids = dateChanged ? rows.filter((r) => r.result || dirtyIds.includes(r.pupilId)).map((r) => r.pupilId) : dirtyIds;
    const local: Record<string, string> = {};
    const body = ids.map((pupilId) => {
      const row = rows.find((r) => r.pupilId === pupilId)!;
      const out: Record<string, unknown> = { pupilId };
      if (row.result) out.version = row.result.version;
      for (const f of fields) {
        const raw = (cells[pupilId]?.[f] ?? '').trim();
        if (NUMERIC.includes(f)) {
          const n = parseDecimal(raw);
          if (n === null) local[`${pupilId}:${f}`] = t('assessments.grid.notANumber');
          out[f] = n ?? null;
        } else if (f === 'level') {
          out[f] = raw ? raw.toUpperCase().replace(/\s/g, '') : null;
        } else {
          out[f] = raw || null;
        }
      }
      return out;
    });
    setLocalErrors(local);
    if (Object.keys(local).length > 0) {
      setError(new ApiError(422, 'invalid', t('assessments.grid.fixCells'), {}, true));
      return;
    }
    if (body.length === 0) {
      setSaved(0);
      return;
    }
    setBusy(true);
    try {
      const next = await request<Grid>('PUT', `/api/groups/${grid.group.id}/results`, {
        instrumentId: instrument.id,
        moment: grid.moment,
        takenOn,
        rows: body,
      });
      setSaved(body.length);
      onSaved(next);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false);
      if (apiErr instanceof ApiError && Array.isArray(apiErr.body.rowErrors)) setRowErrors(apiErr.body.rowErrors as GridRowError[]);
      setError(apiErr);
    } finally {
      setBusy(false);
    }
  }

  const fieldLabel = (f: Field) => (f === 'textValue' ? (instrument.scoreKinds.includes('avi') ? t('assessments.fields.avi') : t('assessments.fields.observation')) : t(`assessments.fields.${f}`));
  const listId = (f: Field) => (f === 'level' ? 'grid-levels' : f === 'textValue' ? 'grid-texts' : undefined);
  const textOptions = instrument.scoreKinds.includes('avi') ? AVI_LEVELS : OBSERVATION_VALUES;
  const conflict = error?.status === 409;

  if (rows.length === 0) return <Empty>{t('assessments.grid.noPupils')}</Empty>;

  return (
    <form onSubmit={submit} noValidate aria-label={t('assessments.grid.formLabel')}>
      <div className="form-row">
        <TextField
          label={t('assessments.grid.takenOn')}
          type="date"
          value={takenOn}
          onChange={(v) => {
            setTakenOn(v);
            setSaved(null);
          }}
          required
          hint={t('assessments.grid.takenOnHint')}
          error={rowErrors.length === 0 && error ? error.fields.takenOn : undefined}
        />
      </div>
      <p className="hint" id="grid-help">
        {t('assessments.grid.help')}
      </p>
      {scale ? (
        <datalist id="grid-levels">
          {enterableLevels(scale).map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      ) : null}
      <datalist id="grid-texts">
        {textOptions.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      {conflict ? (
        <Alert kind="error">
          <p>{t('assessments.grid.conflict')}</p>
          <button type="button" className="button secondary" onClick={() => window.location.reload()}>
            {t('assessments.grid.reload')}
          </button>
        </Alert>
      ) : error ? (
        <Alert kind="error">
          <p>{error.status === 422 ? t('assessments.grid.invalid') : error.message || t('errors.generic')}</p>
          {rowErrors.length > 0 ? <p>{t('assessments.grid.rowErrorCount', { count: rowErrors.length })}</p> : null}
        </Alert>
      ) : null}
      {saved !== null ? (
        <Alert kind="success">
          <p>{saved === 0 ? t('assessments.grid.nothingChanged') : t('assessments.grid.saved', { count: saved })}</p>
        </Alert>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </div>
      <TableWrap>
        <table className="grid-table">
          <caption className="visually-hidden">{t('assessments.grid.caption', { instrument: instrument.name, moment: momentOption(t, grid.moment, sector) })}</caption>
          <thead>
            <tr>
              <th scope="col" id="grid-col-name">
                {t('assessments.pupilName')}
              </th>
              {showGrade ? <th scope="col">{t('assessments.grade')}</th> : null}
              {fields.map((f, c) => (
                <th key={f} scope="col" id={`grid-col-${c}`}>
                  {fieldLabel(f)}
                </th>
              ))}
              {derivedLevel ? <th scope="col">{t('assessments.fields.levelFromNorm')}</th> : null}
              {derivedDle ? <th scope="col">{t('assessments.fields.dleFromNorm')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const rowError = rowLevelError(row.pupilId);
              const dirty = dirtyIds.includes(row.pupilId);
              return (
                <tr key={row.pupilId} className={dirty ? 'dirty' : undefined}>
                  <th scope="row" id={`grid-row-${row.pupilId}`}>
                    {fullName(row)}
                    {rowError ? (
                      <span className="cell-error" id={`grid-rowerr-${row.pupilId}`}>
                        {rowError}
                      </span>
                    ) : null}
                  </th>
                  {showGrade ? <td>{row.grade ?? '—'}</td> : null}
                  {fields.map((f, c) => {
                    const err = errorFor(row.pupilId, f);
                    const errId = `grid-err-${row.pupilId}-${f}`;
                    return (
                      <td key={f} className={`grid-cell${err ? ' invalid' : ''}`}>
                        <input
                          ref={(el) => {
                            if (el) inputs.current.set(`${r}:${c}`, el);
                            else inputs.current.delete(`${r}:${c}`);
                          }}
                          type="text"
                          inputMode={NUMERIC.includes(f) ? 'decimal' : undefined}
                          autoComplete="off"
                          list={listId(f)}
                          value={cells[row.pupilId]?.[f] ?? ''}
                          onChange={(e) => setCell(row.pupilId, f, e.target.value)}
                          onKeyDown={(e) => onKeyDown(e, r, c)}
                          onPaste={(e) => onPaste(e, r, c)}
                          aria-labelledby={`grid-col-${c} grid-row-${row.pupilId}`}
                          aria-describedby={[err ? errId : '', rowError ? `grid-rowerr-${row.pupilId}` : '', r === 0 && c === 0 ? 'grid-help' : ''].filter(Boolean).join(' ') || undefined}
                          aria-invalid={err ? true : undefined}
                          data-row={r}
                          data-col={c}
                        />
                        {err ? (
                          <span className="cell-error" id={errId}>
                            {err}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                  {derivedLevel ? <td className="derived">{row.result?.level ?? ''}</td> : null}
                  {derivedDle ? <td className="derived num">{formatNumber(row.result?.dle ?? null)}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('assessments.grid.save')}</SubmitButton>
        <span className="muted">{dirtyIds.length > 0 ? t('assessments.grid.changedRows', { count: dirtyIds.length }) : t('assessments.grid.noChanges')}</span>
        {grid.takenOn ? <span className="muted">{t('assessments.grid.lastTakenOn', { date: formatDate(grid.takenOn) })}</span> : null}
      </div>
    </form>
  );
}

export function GridPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const groupName = useGroupLabel();
  const group = useApi<GroupDetail>(`/api/groups/${encodeURIComponent(id ?? '')}`);
  const g = group.data;
  const instruments = useInstruments(g?.schoolId);
  const active = instruments.items.filter((i) => i.active && i.scoreKinds.length > 0);
  const { instrument, moment, choose } = useInstrumentChoice(g, active);
  const moments = useMemo(() => {
    if (!instrument || !g) return [];
    const own = instrument.moments.filter((m) => g.grades.includes(parseMoment(m)?.grade ?? -1));
    const rest = instrument.moments.filter((m) => !own.includes(m));
    return [...own.sort(momentOrder), ...rest.sort(momentOrder)];
  }, [instrument, g]);
  const grid = useApi<Grid>(g && instrument && moment ? `/api/groups/${g.id}/results?instrumentId=${instrument.id}&moment=${encodeURIComponent(moment)}` : null);
  const fields = useMemo(() => (grid.data ? entryFields(grid.data.instrument) : []), [grid.data]);

  if (group.error) return <LoadError error={group.error} onRetry={group.reload} />;
  if (!g) return <Loading />;
  const name = groupName(g.name, g.schoolId);
  const sector = me.schools.find((s) => s.id === g.schoolId)?.sector ?? 'po';

  return (
    <Page
      title={t('assessments.grid.title', { group: name })}
      intro={<p className="muted">{t('assessments.grid.intro')}</p>}
      actions={<GroupResultActions groupId={g.id} to="dwarsdoorsnede" instrument={instrument} moment={moment} />}
    >
      <form className="filters" aria-label={t('assessments.grid.choose')} onSubmit={(e) => e.preventDefault()}>
        <InstrumentSelect instruments={active} chosen={instrument} loading={instruments.loading} onChange={(v) => choose('instrument', v)} />
        <SelectField label={t('assessments.moment')} value={moment} onChange={(v) => choose('moment', v)} disabled={!instrument}>
          {moments.map((m) => (
            <option key={m} value={m}>
              {momentOption(t, m, sector)}
            </option>
          ))}
        </SelectField>
      </form>
      <FormError error={instruments.error} />
      {instruments.data && active.length === 0 ? <Empty>{t('assessments.noInstruments')}</Empty> : null}
      {grid.error ? (
        <FormError error={grid.error} />
      ) : grid.data && grid.data.instrument.id === instrument?.id && grid.data.moment === moment ? (
        <GridTable key={`${grid.data.instrument.id}-${grid.data.moment}`} grid={grid.data} fields={fields} sector={sector} onSaved={grid.setData} />
      ) : instrument ? (
        <Loading />
      ) : null}
    </Page>
  );
}
