// School settings (name, BRIN, care-coordinator label, compulsory two-factor) and, for board admins, new schools.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, CheckboxField, Facts, fieldError, FormError, LoadError, Loading, Section, SelectField, SubmitButton, TextField } from '../shared/components';
import { hasRole, useMe, useSession } from '../shared/session';
import type { Board, Items, MeSchool, School, Sector } from '../shared/types';
import { levelsOf, type LevelScale } from '../../domain/assessments/scales';
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
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

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
