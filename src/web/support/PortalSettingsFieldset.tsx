// The school settings fieldset "Ondersteuningsniveaus en plannen": the level model (from a preset, then editable),
// the handelingsplan term, extensions and signature, the OPP deadlines and the reminder days. The numbers are edited
// as text (an empty or wrong value reaches the server, which answers with the field's message).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../shared/api';
import { CheckboxField, fieldError, SelectField, TextAreaField, TextField } from '../shared/components';
import { whole } from '../shared/format';
import { LEVEL_PLAN_TYPES, type LevelDef, type LevelPlanType, type LevelPreset, type SupportSettings } from '../../domain/support/model';
import { LEVEL_PRESET_DEFS, MAX_LEVELS, MIN_LEVELS } from '../../domain/support/settings';
import { SIGNAL_KINDS } from '../../domain/assessments/codes';
import './portal.css';

const PRESETS = ['seed002', 'seed001', 'seed000'] as const;

export interface LevelDraft {
  /** Only for React's list keys (a level's own key may be edited). */
  uid: number;
  key: string;
  label: string;
  description: string;
  planType: LevelPlanType;
  extraSupport: boolean;
  maxPeriods: string;
  maxPeriodsPerQuestion: string;
  requiresConsent: boolean;
}

export interface SupportSettingsDraft {
  levelPreset: LevelPreset;
  levels: LevelDraft[];
  minWeeks: string;
  maxWeeks: string;
  maxExtensions: string;
  signature: SupportSettings['actionPlan']['signature'];
  deadlineWeeks: string;
  evaluationMonths: string;
  reminderDays: string;
  oppCandidateRuleKinds: string[];
}

let nextUid = 1;

function levelDraft(l: LevelDef): LevelDraft {
  return {
    uid: nextUid++,
    key: l.key,
    label: l.label,
    description: l.description,
    planType: l.planType,
    extraSupport: l.extraSupport,
    maxPeriods: l.maxPeriods === null ? '' : String(l.maxPeriods),
    maxPeriodsPerQuestion: l.maxPeriodsPerQuestion === null ? '' : String(l.maxPeriodsPerQuestion),
    requiresConsent: l.requiresConsent,
  };
}

/** The editable form of the stored setting. */
export function supportDraft(s: SupportSettings): SupportSettingsDraft {
  return {
    levelPreset: s.levelPreset,
    levels: s.levels.map(levelDraft),
    minWeeks: String(s.actionPlan.minWeeks),
    maxWeeks: String(s.actionPlan.maxWeeks),
    maxExtensions: String(s.actionPlan.maxExtensions),
    signature: s.actionPlan.signature,
    deadlineWeeks: String(s.developmentPerspective.deadlineWeeks),
    evaluationMonths: String(s.developmentPerspective.evaluationMonths),
    reminderDays: String(s.reminderDays),
    oppCandidateRuleKinds: [...s.oppCandidateRuleKinds],
  };
}

function optionalWhole(text: string): number | null {
  return text.trim() === '' ? null : whole(text);
}

/** The setting to save (`settings.support`). */
export function supportFromDraft(d: SupportSettingsDraft): SupportSettings {
  return {
    levelPreset: d.levelPreset,
    levels: d.levels.map((l) => ({
      key: l.key.trim(),
      label: l.label.trim(),
      description: l.description.trim(),
      planType: l.planType,
      extraSupport: l.extraSupport,
      maxPeriods: optionalWhole(l.maxPeriods),
      maxPeriodsPerQuestion: optionalWhole(l.maxPeriodsPerQuestion),
      requiresConsent: l.requiresConsent,
    })),
    actionPlan: { minWeeks: whole(d.minWeeks), maxWeeks: whole(d.maxWeeks), maxExtensions: whole(d.maxExtensions), signature: d.signature },
    developmentPerspective: { deadlineWeeks: whole(d.deadlineWeeks), evaluationMonths: whole(d.evaluationMonths) },
    oppCandidateRuleKinds: d.oppCandidateRuleKinds,
    reminderDays: whole(d.reminderDays),
  };
}

/** A key not used by any level yet: the next number. */
function freeKey(levels: LevelDraft[]): string {
  let n = levels.length + 1;
  while (levels.some((l) => l.key.trim() === String(n))) n += 1;
  return String(n);
}

export function SupportSettingsFieldset({ value, onChange, error }: { value: SupportSettingsDraft; onChange: (v: SupportSettingsDraft) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const signatureName = useId();
  const err = (name: string) => fieldError(error, `support.${name}`);
  const set = (patch: Partial<SupportSettingsDraft>) => onChange({ ...value, ...patch });
  /** Any change to the levels makes them the school's own model. */
  const setLevels = (levels: LevelDraft[]) => onChange({ ...value, levels, levelPreset: 'custom' });
  const setLevel = (i: number, patch: Partial<LevelDraft>) => setLevels(value.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  function move(i: number, by: -1 | 1) {
    const next = [...value.levels];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item);
    setLevels(next);
  }
  function add() {
    setLevels([
      ...value.levels,
      {
        uid: nextUid++, key: freeKey(value.levels), label: '', description: '', planType: 'none', extraSupport: true,
        maxPeriods: '', maxPeriodsPerQuestion: '', requiresConsent: false,
      },
    ]);
  }

  return (
    <fieldset className="fieldset spp-settings">
      <legend>{t('supportPortal.settings.title')}</legend>
      <p className="hint">{t('supportPortal.settings.hint')}</p>
      <SelectField
        label={t('supportPortal.settings.preset')}
        value={value.levelPreset}
        onChange={(v) => {
          const id = PRESETS.find((p) => p === v);
          if (id) onChange({ ...value, levelPreset: id, levels: LEVEL_PRESET_DEFS[id].map(levelDraft) });
        }}
        hint={t('supportPortal.settings.presetHint')}
      >
        {value.levelPreset === 'custom' ? <option value="custom">{t('supportPortal.settings.presets.custom')}</option> : null}
        {PRESETS.map((id) => (
          <option key={id} value={id}>
            {t(`supportPortal.settings.presets.${id}`)}
          </option>
        ))}
      </SelectField>

      <fieldset className={err('levels') ? 'field-invalid' : undefined}>
        <legend>{t('supportPortal.settings.levels')}</legend>
        <p className="hint">{t('supportPortal.settings.levelsHint')}</p>
        <ol className="spp-level-list">
          {value.levels.map((l, i) => {
            const name = l.label.trim() || t('supportPortal.settings.levelN', { n: i + 1 });
            const le = (field: string) => err(`levels.${i}.${field}`);
            return (
              <li key={l.uid}>
                <fieldset className="spp-level">
                  <legend>{t('supportPortal.settings.levelN', { n: i + 1 })}</legend>
                  <div className="spp-level-head">
                    <TextField
                      label={t('supportPortal.settings.levelKey')}
                      value={l.key}
                      onChange={(key) => setLevel(i, { key })}
                      autoComplete="off"
                      maxLength={20}
                      hint={t('supportPortal.settings.levelKeyHint')}
                      error={le('key')}
                      fieldClassName="spp-key"
                    />
                    <TextField label={t('supportPortal.settings.levelLabel')} value={l.label} onChange={(label) => setLevel(i, { label })} autoComplete="off" maxLength={80} error={le('label')} fieldClassName="spp-label" />
                  </div>
                  <TextAreaField label={t('supportPortal.settings.levelDescription')} value={l.description} onChange={(description) => setLevel(i, { description })} rows={3} error={le('description')} />
                  <SelectField label={t('supportPortal.settings.planType')} value={l.planType} onChange={(v) => setLevel(i, { planType: LEVEL_PLAN_TYPES.find((p) => p === v) ?? 'none' })} error={le('planType')}>
                    {LEVEL_PLAN_TYPES.map((p) => (
                      <option key={p} value={p}>
                        {t(`supportPortal.settings.planTypes.${p}`)}
                      </option>
                    ))}
                  </SelectField>
                  <div className="spp-level-grid">
                    <TextField
                      label={t('supportPortal.settings.maxPeriods')}
                      value={l.maxPeriods}
                      onChange={(maxPeriods) => setLevel(i, { maxPeriods })}
                      inputMode="numeric"
                      autoComplete="off"
                      hint={t('supportPortal.settings.noLimitHint')}
                      error={le('maxPeriods')}
                    />
                    <TextField
                      label={t('supportPortal.settings.maxPeriodsPerQuestion')}
                      value={l.maxPeriodsPerQuestion}
                      onChange={(maxPeriodsPerQuestion) => setLevel(i, { maxPeriodsPerQuestion })}
                      inputMode="numeric"
                      autoComplete="off"
                      hint={t('supportPortal.settings.noLimitHint')}
                      error={le('maxPeriodsPerQuestion')}
                    />
                  </div>
                  <CheckboxField label={t('supportPortal.settings.extraSupport')} checked={l.extraSupport} onChange={(extraSupport) => setLevel(i, { extraSupport })} hint={t('supportPortal.settings.extraSupportHint')} />
                  <CheckboxField label={t('supportPortal.settings.requiresConsent')} checked={l.requiresConsent} onChange={(requiresConsent) => setLevel(i, { requiresConsent })} />
                  <div className="form-actions spp-level-actions">
                    <button type="button" className="button secondary small" disabled={i === 0} onClick={() => move(i, -1)}>
                      {t('supportPortal.settings.moveUp')}
                      <span className="visually-hidden"> ({name})</span>
                    </button>
                    <button type="button" className="button secondary small" disabled={i === value.levels.length - 1} onClick={() => move(i, 1)}>
                      {t('supportPortal.settings.moveDown')}
                      <span className="visually-hidden"> ({name})</span>
                    </button>
                    <button type="button" className="button secondary small" disabled={value.levels.length <= MIN_LEVELS} onClick={() => setLevels(value.levels.filter((_, j) => j !== i))}>
                      {t('supportPortal.settings.removeLevel')}
                      <span className="visually-hidden"> ({name})</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {err('levels') ? <p className="field-error">{err('levels')}</p> : null}
        <button type="button" className="button secondary" disabled={value.levels.length >= MAX_LEVELS} onClick={add}>
          {t('supportPortal.settings.addLevel')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('supportPortal.settings.actionPlan')}</legend>
        <div className="spp-level-grid">
          <TextField label={t('supportPortal.settings.minWeeks')} value={value.minWeeks} onChange={(minWeeks) => set({ minWeeks })} inputMode="numeric" autoComplete="off" error={err('actionPlan.minWeeks')} />
          <TextField label={t('supportPortal.settings.maxWeeks')} value={value.maxWeeks} onChange={(maxWeeks) => set({ maxWeeks })} inputMode="numeric" autoComplete="off" error={err('actionPlan.maxWeeks') ?? err('actionPlan')} />
          <TextField
            label={t('supportPortal.settings.maxExtensions')}
            value={value.maxExtensions}
            onChange={(maxExtensions) => set({ maxExtensions })}
            inputMode="numeric"
            autoComplete="off"
            hint={t('supportPortal.settings.maxExtensionsHint')}
            error={err('actionPlan.maxExtensions')}
          />
        </div>
        <fieldset className="choice">
          <legend>{t('supportPortal.settings.signature')}</legend>
          {(['agreement', 'none'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name={signatureName} checked={value.signature === s} onChange={() => set({ signature: s })} />
              {t(`supportPortal.settings.signatures.${s}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('supportPortal.settings.opp')}</legend>
        <div className="spp-level-grid">
          <TextField
            label={t('supportPortal.settings.deadlineWeeks')}
            value={value.deadlineWeeks}
            onChange={(deadlineWeeks) => set({ deadlineWeeks })}
            inputMode="numeric"
            autoComplete="off"
            hint={t('supportPortal.settings.deadlineWeeksHint')}
            error={err('developmentPerspective.deadlineWeeks')}
          />
          <TextField
            label={t('supportPortal.settings.evaluationMonths')}
            value={value.evaluationMonths}
            onChange={(evaluationMonths) => set({ evaluationMonths })}
            inputMode="numeric"
            autoComplete="off"
            hint={t('supportPortal.settings.evaluationMonthsHint')}
            error={err('developmentPerspective.evaluationMonths')}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('supportPortal.settings.oppCandidateLegend')}</legend>
        <p className="hint">{t('supportPortal.settings.oppCandidateHint')}</p>
        {SIGNAL_KINDS.map((kind) => (
          <CheckboxField
            key={kind}
            label={t(`assessments.rules.kinds.${kind}`)}
            checked={value.oppCandidateRuleKinds.includes(kind)}
            onChange={(on) => set({ oppCandidateRuleKinds: on ? [...value.oppCandidateRuleKinds, kind] : value.oppCandidateRuleKinds.filter((k) => k !== kind) })}
          />
        ))}
      </fieldset>

      <TextField
        label={t('supportPortal.settings.reminderDays')}
        value={value.reminderDays}
        onChange={(reminderDays) => set({ reminderDays })}
        inputMode="numeric"
        autoComplete="off"
        hint={t('supportPortal.settings.reminderDaysHint')}
        error={err('reminderDays')}
        fieldClassName="spp-short"
      />
    </fieldset>
  );
}
