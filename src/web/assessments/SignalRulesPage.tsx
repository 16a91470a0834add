// Signal rules (care coordinator): which results mark a pupil for attention, with their parameters, domains and
// on/off switch. All rules are saved together or not at all; a change re-evaluates the signals.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Alert, CheckboxField, Empty, FormError, Loading, Section, SelectField, SubmitButton, TextField } from '../shared/components';
import { useMe } from '../shared/session';
import type { Items, MeSchool } from '../shared/types';
import { careSchools, SchoolPage } from './common';
import { DOMAINS, SIGNAL_KINDS, type Domain, type SignalKind, type SignalRule } from './types';
import { domainLabel } from './util';

const ALL_LEVELS = ['I+', 'I', 'II', 'III', 'IV', 'V', 'V-', 'A', 'B', 'C', 'D', 'E'];

function defaultParams(kind: SignalKind): SignalRule['params'] {
  switch (kind) {
    case 'lowLevel':
      return { levels: ['V', 'E'] };
    case 'levelDrop':
      return { steps: 1 };
    case 'delay':
      return { weeks: 20 };
    case 'consecutiveLow':
      return { level: 'E', count: 3 };
    case 'dleBehindAtGrade':
      return { months: 10, grade: 5, part: 'E' };
    case 'highPerformer':
      return { levels: ['I+', 'A'] };
  }
}

type Editable = SignalRule & { key: string };
let nextKey = 0;
const withKey = (r: SignalRule): Editable => ({ ...r, key: `k${nextKey++}` });

function numberValue(v: string): number {
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
}

function LevelChips({ legend, levels, onChange }: { legend: string; levels: string[]; onChange: (l: string[]) => void }) {
  return (
    <fieldset className="checks-inline">
      <legend>{legend}</legend>
      <div className="check-row">
        {ALL_LEVELS.map((l) => (
          <label key={l} className="check-chip">
            <input type="checkbox" checked={levels.includes(l)} onChange={(e) => onChange(e.target.checked ? [...levels, l] : levels.filter((x) => x !== l))} /> {l}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ParamFields({ rule, onChange, error }: { rule: Editable; onChange: (p: SignalRule['params']) => void; error: (name: string) => string | undefined }) {
  const { t } = useTranslation();
  switch (rule.kind) {
    case 'lowLevel':
    case 'highPerformer': {
      const p = rule.params;
      return <LevelChips legend={t('assessments.rules.params.levels')} levels={p.levels} onChange={(levels) => onChange({ levels })} />;
    }
    case 'levelDrop': {
      const p = rule.params;
      return <TextField label={t('assessments.rules.params.steps')} type="number" min={1} value={String(p.steps)} onChange={(v) => onChange({ steps: numberValue(v) })} error={error('steps')} />;
    }
    case 'delay': {
      const p = rule.params;
      return <TextField label={t('assessments.rules.params.weeks')} type="number" min={1} value={String(p.weeks)} onChange={(v) => onChange({ weeks: numberValue(v) })} error={error('weeks')} />;
    }
    case 'consecutiveLow': {
      const p = rule.params;
      return (
        <div className="form-row">
          <SelectField label={t('assessments.rules.params.level')} value={p.level} onChange={(v) => onChange({ ...p, level: v })} error={error('level')}>
            {ALL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </SelectField>
          <TextField label={t('assessments.rules.params.count')} type="number" min={2} value={String(p.count)} onChange={(v) => onChange({ ...p, count: numberValue(v) })} error={error('count')} />
        </div>
      );
    }
    case 'dleBehindAtGrade': {
      const p = rule.params;
      return (
        <div className="form-row">
          <TextField label={t('assessments.rules.params.months')} type="number" min={1} value={String(p.months)} onChange={(v) => onChange({ ...p, months: numberValue(v) })} error={error('months')} />
          <TextField label={t('assessments.rules.params.grade')} type="number" min={3} max={8} value={String(p.grade)} onChange={(v) => onChange({ ...p, grade: numberValue(v) })} error={error('grade')} />
          <SelectField label={t('assessments.rules.params.part')} value={p.part} onChange={(v) => onChange({ ...p, part: v as 'M' | 'E' })} error={error('part')}>
            <option value="M">{t('assessments.momentParts.M')}</option>
            <option value="E">{t('assessments.momentParts.E')}</option>
          </SelectField>
        </div>
      );
    }
  }
}

function RuleEditor({
  rule,
  index,
  onChange,
  onRemove,
  error,
}: {
  rule: Editable;
  index: number;
  onChange: (r: Editable) => void;
  onRemove: () => void;
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const fieldErr = (name: string): string | undefined => {
    if (!error) return undefined;
    const prefixes = [`items.${index}.${name}`, `items.${index}.params.${name}`, `body.items.${index}.${name}`, `body.items.${index}.params.${name}`];
    return prefixes.map((p) => error.fields[p]).find(Boolean);
  };
  const ruleErr = error
    ? Object.entries(error.fields)
        .filter(([k]) => new RegExp(`(^|\\.)items\\.${index}(\\.|$)`).test(k))
        .map(([, v]) => v)
    : [];
  const title = rule.label || t(`assessments.rules.kinds.${rule.kind}`);
  return (
    <fieldset className={`rule-card${rule.active ? '' : ' inactive'}`}>
      <legend>{t('assessments.rules.ruleLegend', { n: index + 1, label: title })}</legend>
      {ruleErr.length > 0 ? (
        <p className="field-error" role="alert">
          {ruleErr.join(' ')}
        </p>
      ) : null}
      <div className="form-grid">
        <TextField label={t('assessments.rules.label')} value={rule.label} onChange={(label) => onChange({ ...rule, label })} required autoComplete="off" error={fieldErr('label')} />
        <SelectField
          label={t('assessments.rules.kind')}
          value={rule.kind}
          onChange={(v) => onChange({ ...rule, kind: v as SignalKind, params: defaultParams(v as SignalKind) } as Editable)}
          hint={t(`assessments.rules.kindHints.${rule.kind}`)}
        >
          {SIGNAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`assessments.rules.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ParamFields rule={rule} onChange={(params) => onChange({ ...rule, params } as Editable)} error={fieldErr} />
      <fieldset className="checks-inline">
        <legend>{t('assessments.rules.domains')}</legend>
        <p className="hint">{t('assessments.rules.domainsHint')}</p>
        <div className="check-row">
          {DOMAINS.map((d) => (
            <label key={d} className="check-chip">
              <input
                type="checkbox"
                checked={rule.domains.includes(d)}
                onChange={(e) => onChange({ ...rule, domains: e.target.checked ? [...rule.domains, d] : rule.domains.filter((x: Domain) => x !== d) })}
              />{' '}
              {domainLabel(t, d)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <CheckboxField label={t('assessments.rules.active')} checked={rule.active} onChange={(active) => onChange({ ...rule, active })} />
        <button type="button" className="button link danger-text" onClick={onRemove}>
          {t('assessments.rules.remove')}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
    </fieldset>
  );
}

function Rules({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const loaded = useApi<Items<SignalRule>>(`/api/schools/${school.id}/signal-rules`);
  const [rules, setRules] = useState<Editable[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [newKind, setNewKind] = useState<SignalKind>('lowLevel');

  useEffect(() => {
    if (loaded.data) setRules(loaded.data.items.map(withKey));
  }, [loaded.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!rules) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const items = rules.map(({ key: _key, ...r }) => r);
      const next = await request<Items<SignalRule>>('PUT', `/api/schools/${school.id}/signal-rules`, { items });
      setRules(next.items.map(withKey));
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false));
    } finally {
      setBusy(false);
    }
  }

  if (loaded.error) return <FormError error={loaded.error} />;
  if (!rules) return <Loading />;

  return (
    <form onSubmit={submit} noValidate>
      <Section title={t('assessments.rules.listTitle')}>
        <p className="hint">{t('assessments.rules.intro')}</p>
        {saved ? (
          <Alert kind="success">
            <p>{t('assessments.rules.saved')}</p>
          </Alert>
        ) : null}
        {error?.status === 409 ? (
          <Alert kind="error">
            <p>{t('assessments.grid.conflict')}</p>
            <button type="button" className="button secondary" onClick={() => window.location.reload()}>
              {t('assessments.grid.reload')}
            </button>
          </Alert>
        ) : (
          <FormError error={error} />
        )}
        {rules.length === 0 ? <Empty>{t('assessments.rules.none')}</Empty> : null}
        {rules.map((r, i) => (
          <RuleEditor
            key={r.key}
            rule={r}
            index={i}
            error={error}
            onChange={(next) => {
              setSaved(false);
              setRules((cur) => (cur ?? []).map((x) => (x.key === r.key ? next : x)));
            }}
            onRemove={() => {
              setSaved(false);
              setRules((cur) => (cur ?? []).filter((x) => x.key !== r.key));
            }}
          />
        ))}
        <div className="form-row add-rule">
          <SelectField label={t('assessments.rules.newKind')} value={newKind} onChange={(v) => setNewKind(v as SignalKind)}>
            {SIGNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`assessments.rules.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setSaved(false);
              setRules((cur) => [...(cur ?? []), withKey({ kind: newKind, params: defaultParams(newKind), label: t(`assessments.rules.kinds.${newKind}`), domains: [], active: true } as SignalRule)]);
            }}
          >
            {t('assessments.rules.add')}
          </button>
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('assessments.rules.save')}</SubmitButton>
          <span className="muted">{t('assessments.rules.saveHint')}</span>
        </div>
      </Section>
    </form>
  );
}

export function SignalRulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <SchoolPage title={t('assessments.rules.title')} schools={careSchools(me)}>
      {(school) => <Rules key={school.id} school={school} />}
    </SchoolPage>
  );
}
