// The school settings fieldset "Overleg": what the school calls its care-team meeting, the default durations, the
// leerlingbespreking rota, how many days before a meeting the case forms are handed in, whether parents informed
// before/after is recorded, consent before externals, and the external functions offered. Numbers are edited as
// text (an empty or wrong value reaches the server, which answers with the field's message).
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../shared/api';
import { CheckboxField, fieldError, TextAreaField, TextField } from '../shared/components';
import { whole } from '../shared/format';
import type { MeetingSettings } from '../../domain/meetings/model';
import './meetings.css';

export interface MeetingSettingsDraft {
  careTeamName: string;
  groupDiscussion: string;
  pupilDiscussionPerCase: string;
  careTeam: string;
  bilateral: string;
  pupilDiscussionRota: boolean;
  caseFormDaysBefore: string;
  parentsInformedRequired: boolean;
  consentBeforeExternals: boolean;
  /** One function per line. */
  externalRoles: string;
}

/** The editable form of the stored setting. */
export function meetingsDraft(s: MeetingSettings): MeetingSettingsDraft {
  return {
    careTeamName: s.careTeamName,
    groupDiscussion: String(s.durations.groupDiscussion),
    pupilDiscussionPerCase: String(s.durations.pupilDiscussionPerCase),
    careTeam: String(s.durations.careTeam),
    bilateral: String(s.durations.bilateral),
    pupilDiscussionRota: s.pupilDiscussionRota,
    caseFormDaysBefore: String(s.caseFormDaysBefore),
    parentsInformedRequired: s.parentsInformedRequired,
    consentBeforeExternals: s.consentBeforeExternals,
    externalRoles: s.externalRoles.join('\n'),
  };
}

/** The setting to save (`settings.meetings`). */
export function meetingsFromDraft(d: MeetingSettingsDraft): MeetingSettings {
  return {
    careTeamName: d.careTeamName.trim(),
    durations: {
      groupDiscussion: whole(d.groupDiscussion),
      pupilDiscussionPerCase: whole(d.pupilDiscussionPerCase),
      careTeam: whole(d.careTeam),
      bilateral: whole(d.bilateral),
    },
    pupilDiscussionRota: d.pupilDiscussionRota,
    caseFormDaysBefore: whole(d.caseFormDaysBefore),
    parentsInformedRequired: d.parentsInformedRequired,
    consentBeforeExternals: d.consentBeforeExternals,
    externalRoles: d.externalRoles.split('\n').map((r) => r.trim()).filter(Boolean),
  };
}

export function MeetingSettingsFieldset({ value, onChange, error }: { value: MeetingSettingsDraft; onChange: (v: MeetingSettingsDraft) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const err = (name: string) => fieldError(error, `meetings.${name}`);
  const set = (patch: Partial<MeetingSettingsDraft>) => onChange({ ...value, ...patch });
  const num = (key: 'groupDiscussion' | 'pupilDiscussionPerCase' | 'careTeam' | 'bilateral') => (
    <TextField
      label={t(`meetings.settings.durations.${key}`)}
      value={value[key]}
      onChange={(v) => set({ [key]: v })}
      inputMode="numeric"
      autoComplete="off"
      error={err(`durations.${key}`)}
    />
  );
  return (
    <fieldset className="fieldset mt-settings">
      <legend>{t('meetings.settings.title')}</legend>
      <p className="hint">{t('meetings.settings.hint')}</p>
      <TextField
        label={t('meetings.settings.careTeamName')}
        hint={t('meetings.settings.careTeamNameHint')}
        value={value.careTeamName}
        onChange={(careTeamName) => set({ careTeamName })}
        maxLength={40}
        autoComplete="off"
        error={err('careTeamName')}
        fieldClassName="mt-short"
      />
      <fieldset>
        <legend>{t('meetings.settings.durationsLegend')}</legend>
        <p className="hint">{t('meetings.settings.durationsHint')}</p>
        <div className="mt-settings-grid">
          {num('groupDiscussion')}
          {num('pupilDiscussionPerCase')}
          {num('careTeam')}
          {num('bilateral')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('meetings.settings.rulesLegend')}</legend>
        <CheckboxField label={t('meetings.settings.rota')} hint={t('meetings.settings.rotaHint')} checked={value.pupilDiscussionRota} onChange={(pupilDiscussionRota) => set({ pupilDiscussionRota })} error={err('pupilDiscussionRota')} />
        <TextField
          label={t('meetings.settings.caseFormDaysBefore')}
          hint={t('meetings.settings.caseFormDaysBeforeHint')}
          value={value.caseFormDaysBefore}
          onChange={(caseFormDaysBefore) => set({ caseFormDaysBefore })}
          inputMode="numeric"
          autoComplete="off"
          error={err('caseFormDaysBefore')}
          fieldClassName="mt-short"
        />
        <CheckboxField
          label={t('meetings.settings.parentsInformed')}
          hint={t('meetings.settings.parentsInformedHint')}
          checked={value.parentsInformedRequired}
          onChange={(parentsInformedRequired) => set({ parentsInformedRequired })}
          error={err('parentsInformedRequired')}
        />
        <CheckboxField
          label={t('meetings.settings.consentBeforeExternals')}
          hint={t('meetings.settings.consentBeforeExternalsHint')}
          checked={value.consentBeforeExternals}
          onChange={(consentBeforeExternals) => set({ consentBeforeExternals })}
          error={err('consentBeforeExternals')}
        />
      </fieldset>
      <TextAreaField
        label={t('meetings.settings.externalRoles')}
        hint={t('meetings.settings.externalRolesHint')}
        value={value.externalRoles}
        onChange={(externalRoles) => set({ externalRoles })}
        rows={5}
        error={err('externalRoles')}
      />
    </fieldset>
  );
}
