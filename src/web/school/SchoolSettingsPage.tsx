// School settings (name, BRIN, care-coordinator label, compulsory two-factor) and, for board admins, new schools.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, CheckboxField, Facts, fieldError, FormError, LoadError, Loading, Section, SelectField, SubmitButton, TextField } from '../shared/components';
import { hasRole, useMe, useSession } from '../shared/session';
import type { Board, Items, MeSchool, School, SchoolSettings, Sector } from '../shared/types';
import type { ApiError } from '../shared/api';
import { levelsOf, type LevelScale } from '../../domain/assessments/scales';
import { DOMAINS } from '../../domain/assessments/instruments';
import { OVERVIEW_FORMS, REQUIRED_FIELDS, type GroupCycleSettings } from '../../domain/group-cycle/model';
import { CLUSTER_PRESETS, CLUSTER_PRESET_IDS, SCHOOL_PLAN_FORMATS, readGroupCycleSettings, type ClusterPresetId } from '../../domain/group-cycle/settings';
import { readSupportSettings } from '../../domain/support/settings';
import { SupportSettingsFieldset, supportDraft, supportFromDraft, type SupportSettingsDraft } from '../support/PortalSettingsFieldset';
import { readMeetingSettings } from '../../domain/meetings/settings';
import { MeetingSettingsFieldset, meetingsDraft, meetingsFromDraft, type MeetingSettingsDraft } from '../meetings/MeetingSettingsFieldset';
import { AdminPage } from './common';

function SettingsForm({ school, onSaved }: { school: School; onSaved: (s: School) => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [name, setName] = useState(school.name);
  const [brin, setBrin] = useState(school.brin);
  const [label, setLabel] = useState(school.settings.careCoordinatorLabel);
  const [requireTotp, setRequireTotp] = useState(school.settings.requireTotpForCareRoles);
  const [publishResults, setPublishResults] = useState(school.settings.publishResultsToParents);
  const [normScale, setNormScale] = useState<LevelScale>(school.settings.resultNorm.scale);
  const [normLevel, setNormLevel] = useState(school.settings.resultNorm.level);
  const [normPercent, setNormPercent] = useState(String(school.settings.resultNorm.percent));
  const [groupCycle, setGroupCycle] = useState<GroupCycleSettings>(() =>
    readGroupCycleSettings(school.sector, (school.settings as SchoolSettings & { groupCycle?: unknown }).groupCycle),
  );
  const [support, setSupport] = useState<SupportSettingsDraft>(() =>
    supportDraft(readSupportSettings(school.sector, (school.settings as SchoolSettings & { support?: unknown }).support)),
  );
  const [meetings, setMeetings] = useState<MeetingSettingsDraft>(() =>
    meetingsDraft(readMeetingSettings(school.sector, (school.settings as SchoolSettings & { meetings?: unknown }).meetings)),
  );
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const updated = await run(() =>
      api.patch<School>(`/api/schools/${school.id}`, {
        name: name.trim(),
        brin: brin.trim(),
        settings: {
          careCoordinatorLabel: label.trim(),
          requireTotpForCareRoles: requireTotp,
          publishResultsToParents: publishResults,
          resultNorm: { scale: normScale, level: normLevel, percent: Number(normPercent.replace(',', '.')) },
          groupCycle: { ...groupCycle, clusters: groupCycle.clusters.map((c) => ({ key: c.key, label: c.label.trim() })) },
          support: supportFromDraft(support),
          meetings: meetingsFromDraft(meetings),
        },
      }),
    );
    if (updated) {
      onSaved(updated);
      setSaved(true);
      // The label and the school name appear throughout the app.
      await refresh().catch(() => undefined);
    }
  }

  return (
    <Section title={t('school.settingsTitle')}>
      <Facts
        items={[
          { label: t('school.board'), value: school.boardName },
          { label: t('school.sector'), value: t(`sectors.${school.sector}`) },
        ]}
      />
      <form onSubmit={submit} noValidate className="form-narrow">
        {saved ? (
          <Alert kind="success">
            <p>{t('common.saved')}</p>
          </Alert>
        ) : null}
        <FormError error={error} />
        <TextField label={t('school.name')} value={name} onChange={setName} required autoComplete="organization" error={fieldError(error, 'name')} />
        <TextField label={t('school.brin')} value={brin} onChange={setBrin} required autoComplete="off" hint={t('school.brinHint')} error={fieldError(error, 'brin')} />
        <TextField
          label={t('school.careLabel')}
          value={label}
          onChange={setLabel}
          required
          autoComplete="off"
          list="care-label-options"
          hint={t('school.careLabelHint')}
          error={fieldError(error, 'careCoordinatorLabel')}
        />
        <datalist id="care-label-options">
          <option value="Intern begeleider" />
          <option value="Zorgcoördinator" />
          <option value="Ondersteuningscoördinator" />
        </datalist>
        <CheckboxField
          label={t('school.requireTotp')}
          checked={requireTotp}
          onChange={setRequireTotp}
          hint={t('school.requireTotpHint', { care: school.settings.careCoordinatorLabel })}
          error={fieldError(error, 'requireTotpForCareRoles')}
        />
        <CheckboxField
          label={t('school.publishResults')}
          checked={publishResults}
          onChange={setPublishResults}
          hint={t('school.publishResultsHint')}
          error={fieldError(error, 'publishResultsToParents')}
        />
        <fieldset className="fieldset">
          <legend>{t('school.resultNormTitle')}</legend>
          <p className="hint">{t('school.resultNormHint')}</p>
          <SelectField
            label={t('school.resultNormScale')}
            value={normScale}
            onChange={(v) => {
              const scale: LevelScale = v === 'AE' ? 'AE' : 'IV';
              setNormScale(scale);
              if (!levelsOf(scale).includes(normLevel)) setNormLevel(levelsOf(scale)[2]);
            }}
          >
            <option value="IV">{t('school.scaleIV')}</option>
            <option value="AE">{t('school.scaleAE')}</option>
          </SelectField>
          <SelectField label={t('school.resultNormLevel')} value={normLevel} onChange={setNormLevel} error={fieldError(error, 'resultNorm.level')}>
            {levelsOf(normScale).map((l) => <option key={l} value={l}>{l}</option>)}
          </SelectField>
          <TextField label={t('school.resultNormPercent')} value={normPercent} onChange={setNormPercent} inputMode="numeric" autoComplete="off" error={fieldError(error, 'resultNorm.percent') ?? fieldError(error, 'resultNorm')} />
        </fieldset>
        <GroupCycleFieldset value={groupCycle} onChange={setGroupCycle} sector={school.sector} error={error} />
        <SupportSettingsFieldset value={support} onChange={setSupport} error={error} />
        <MeetingSettingsFieldset value={meetings} onChange={setMeetings} error={error} />
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

/** Which of the presets the instruction groups follow (by their keys), or null for the school's own set. */
function presetOf(clusters: GroupCycleSettings['clusters']): ClusterPresetId | null {
  return CLUSTER_PRESET_IDS.find((id) => CLUSTER_PRESETS[id].length === clusters.length && CLUSTER_PRESETS[id].every((c, i) => c.key === clusters[i].key)) ?? null;
}

function toggle<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  return order.filter((x) => (x === item ? on : list.includes(x)));
}

/** The HGW group cycle: overview forms, plan format, instruction-group names, compulsory fields and subjects. */
function GroupCycleFieldset({ value, onChange, sector, error }: { value: GroupCycleSettings; onChange: (v: GroupCycleSettings) => void; sector: Sector; error: ApiError | null }) {
  const { t } = useTranslation();
  const set = <K extends keyof GroupCycleSettings>(key: K, v: GroupCycleSettings[K]) => onChange({ ...value, [key]: v });
  const preset = presetOf(value.clusters);
  const err = (name: string) => fieldError(error, `groupCycle.${name}`);
  return (
    <fieldset className="fieldset">
      <legend>{t('school.groupCycle.title')}</legend>
      <p className="hint">{t('school.groupCycle.hint')}</p>
      <fieldset className={`choice${err('overviewForms') ? ' field-invalid' : ''}`}>
        <legend>{t('school.groupCycle.overviewForms')}</legend>
        {OVERVIEW_FORMS.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={value.overviewForms.includes(f)} onChange={(e) => set('overviewForms', toggle(value.overviewForms, f, e.target.checked, OVERVIEW_FORMS))} />
            {t(`school.groupCycle.forms.${f}`)}
          </label>
        ))}
        {err('overviewForms') ? <p className="field-error">{err('overviewForms')}</p> : null}
      </fieldset>
      <fieldset className="choice">
        <legend>{t('school.groupCycle.planFormat')}</legend>
        {SCHOOL_PLAN_FORMATS.map((f) => (
          <label key={f}>
            <input type="radio" name="gc-plan-format" checked={value.planFormat === f} onChange={() => set('planFormat', f)} />
            {t(`school.groupCycle.planFormats.${f}`)}
          </label>
        ))}
      </fieldset>
      <CheckboxField
        label={t('school.groupCycle.kindergartenThemes')}
        hint={sector === 'po' ? t('school.groupCycle.kindergartenThemesHint') : t('school.groupCycle.kindergartenThemesVo')}
        checked={value.kindergartenThemes}
        onChange={(v) => set('kindergartenThemes', v)}
      />
      <fieldset>
        <legend>{t('school.groupCycle.clusters')}</legend>
        <SelectField
          label={t('school.groupCycle.clusterPreset')}
          value={preset ?? ''}
          onChange={(v) => {
            const id = CLUSTER_PRESET_IDS.find((p) => p === v);
            if (id) set('clusters', CLUSTER_PRESETS[id].map((c) => ({ ...c })));
          }}
          hint={t('school.groupCycle.clusterPresetHint')}
        >
          {preset === null ? <option value="">{t('school.groupCycle.presets.custom')}</option> : null}
          {CLUSTER_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`school.groupCycle.presets.${id}`)}
            </option>
          ))}
        </SelectField>
        {value.clusters.map((c, i) => (
          <TextField
            key={c.key}
            label={t('school.groupCycle.clusterLabel', { n: i + 1 })}
            value={c.label}
            onChange={(label) => set('clusters', value.clusters.map((x, j) => (j === i ? { ...x, label } : x)))}
            autoComplete="off"
            maxLength={40}
            error={err(`clusters.${i}.label`)}
          />
        ))}
        {err('clusters') ? <p className="field-error">{err('clusters')}</p> : null}
      </fieldset>
      <fieldset className="choice">
        <legend>{t('school.groupCycle.requiredFields')}</legend>
        <p className="hint">{t('school.groupCycle.requiredFieldsHint')}</p>
        {REQUIRED_FIELDS.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={value.requiredFields.includes(f)} onChange={(e) => set('requiredFields', toggle(value.requiredFields, f, e.target.checked, REQUIRED_FIELDS))} />
            {t(`school.groupCycle.required.${f.replace('.', '_') as RequiredKey}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className={err('subjects') ? 'field-invalid' : undefined}>
        <legend>{t('school.groupCycle.subjects')}</legend>
        <p className="hint">{t('school.groupCycle.subjectsHint')}</p>
        <div className="check-row">
          {DOMAINS.map((d) => (
            <label key={d} className="check-chip">
              <input type="checkbox" checked={value.subjects.includes(d)} onChange={(e) => set('subjects', toggle(value.subjects, d, e.target.checked, DOMAINS))} />
              {t(`assessments.domains.${d}`)}
            </label>
          ))}
        </div>
        {err('subjects') ? <p className="field-error">{err('subjects')}</p> : null}
      </fieldset>
    </fieldset>
  );
}

type RequiredKey = 'overview_needsForSignalled' | 'overview_factors' | 'overview_observations' | 'plan_goalMeasure' | 'plan_goalDueOn' | 'plan_organisation' | 'plan_evaluationPlan';

function NewSchool({ boards }: { boards: Board[] }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [boardId, setBoardId] = useState(boards.length === 1 ? String(boards[0].id) : '');
  const [name, setName] = useState('');
  const [brin, setBrin] = useState('');
  const [sector, setSector] = useState<Sector>('po');
  const [created, setCreated] = useState<School | null>(null);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const school = await run(() => api.post<School>('/api/schools', { boardId: Number(boardId), name: name.trim(), brin: brin.trim(), sector }));
    if (school) {
      setCreated(school);
      setName('');
      setBrin('');
      await refresh().catch(() => undefined);
    }
  }

  return (
    <Section title={t('school.newSchoolTitle')}>
      <form onSubmit={submit} noValidate className="form-narrow">
        {created ? (
          <Alert kind="success">
            <p>{t('school.schoolCreated', { name: created.name })}</p>
          </Alert>
        ) : null}
        <FormError error={error} />
        <SelectField label={t('school.board')} value={boardId} onChange={setBoardId} required error={fieldError(error, 'boardId')}>
          <option value="">{t('common.choose')}</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('school.name')} value={name} onChange={setName} required autoComplete="off" error={fieldError(error, 'name')} />
        <TextField label={t('school.brin')} value={brin} onChange={setBrin} required autoComplete="off" hint={t('school.brinHint')} error={fieldError(error, 'brin')} />
        <SelectField label={t('school.sector')} value={sector} onChange={(v) => setSector(v === 'vo' ? 'vo' : 'po')} required error={fieldError(error, 'sector')}>
          <option value="po">{t('sectors.po')}</option>
          <option value="vo">{t('sectors.vo')}</option>
        </SelectField>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('school.createSchool')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function SchoolSettings({ school }: { school: MeSchool }) {
  const schools = useApi<Items<School>>('/api/schools');
  const [current, setCurrent] = useState<School | undefined>(undefined);
  useEffect(() => {
    setCurrent(schools.data?.items.find((s) => s.id === school.id));
  }, [schools.data, school.id]);
  if (schools.error) return <LoadError error={schools.error} onRetry={schools.reload} />;
  if (!schools.data) return <Loading />;
  if (!current) return null;
  return <SettingsForm key={current.id} school={current} onSaved={setCurrent} />;
}

/** A board administrator can add schools to the boards they manage. */
function BoardAdmin() {
  const boards = useApi<Items<Board>>('/api/boards');
  const manageable = (boards.data?.items ?? []).filter((b) => b.canManage);
  if (manageable.length === 0) return null;
  return <NewSchool boards={manageable} />;
}

export function SchoolSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <AdminPage title={t('school.settingsPageTitle')}>
      {(school) => (
        <>
          <SchoolSettings school={school} />
          {hasRole(me, 'admin') ? <BoardAdmin /> : null}
        </>
      )}
    </AdminPage>
  );
}
