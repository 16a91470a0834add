// The pupils discussed (cases). Proposing a pupil: one of the pupils the user works with, the question and the school
// part of the form (Koers fills in what it knows from the data). Per case: the school part, the parents' part (asked
// of the parents through the portal), parents informed before and after (recorded), the consent for discussing with
// externals (recorded on paper; the parents can give it digitally), the outcome and follow-up, the case manager and
// publishing the agreements to the parents. Cases of pupils the user may not see are only counted.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UPS, type FollowUp } from '../../domain/meetings/model';
import { Alert, CheckboxField, Empty, Facts, Section, SelectField, SubmitButton, TextAreaField, TextField } from '../shared/components';
import { formatDate, fullName, todayIso } from '../shared/format';
import { useApi } from '../shared/hooks';
import type { Items, PupilSummary } from '../shared/types';
import { deleteCase, patchCase, proposeCase, recordConsent, type CaseView, type MeetingView } from './api';
import { ConsentLine, FormFields, FormValues, SaveError, StaffOptions, useAct, useMeetingStaff, Warnings } from './common';
import type { SectionProps } from './MeetingPage';

function ConsentBadge({ consent }: { consent: CaseView['consent'] }) {
  const { t } = useTranslation();
  return <span className={`badge mt-consent mt-consent-${consent}`}>{t(`meetings.consent.states.${consent}`)}</span>;
}

function ProposeCase({ meeting, onChanged }: { meeting: MeetingView; onChanged: (value?: unknown) => void }) {
  const { t } = useTranslation();
  const pupilsPath = `/api/pupils?schoolId=${meeting.schoolId}${meeting.kind === 'groupDiscussion' && meeting.group ? `&groupId=${meeting.group.id}` : ''}`;
  const pupils = useApi<Items<PupilSummary>>(pupilsPath);
  const taken = new Set(meeting.cases.map((c) => c.pupil.id));
  const [open, setOpen] = useState(false);
  const [pupilId, setPupilId] = useState('');
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<'discussion' | 'announcement'>('discussion');
  const [form, setForm] = useState<Record<string, string>>({});
  const [pupilError, setPupilError] = useState<string | undefined>(undefined);
  const { busy, error, act } = useAct();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!pupilId) {
      setPupilError(t('meetings.cases.pupilRequired'));
      document.getElementById('mt-case-pupil')?.focus();
      return;
    }
    setPupilError(undefined);
    const filled = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    const done = await act(() => proposeCase(meeting.id, { pupilId: Number(pupilId), question: question.trim(), kind, form: filled }));
    if (done) {
      setPupilId('');
      setQuestion('');
      setForm({});
      setOpen(false);
      onChanged(done.value);
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('meetings.cases.propose')}
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="mt-inline-form" aria-labelledby="mt-case-new-title">
      <h3 id="mt-case-new-title">{t('meetings.cases.proposeTitle')}</h3>
      <SaveError error={error} onReload={onChanged} />
      <div className="form-grid">
        <SelectField id="mt-case-pupil" label={t('meetings.cases.pupil')} value={pupilId} onChange={setPupilId} error={pupilError ?? error?.fields.pupilId} hint={t('meetings.cases.pupilHint')}>
          <option value="">{t('common.choose')}</option>
          {(pupils.data?.items ?? [])
            .filter((p) => !taken.has(p.id))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {fullName(p)}
                {p.group ? ` (${p.group.name})` : ''}
              </option>
            ))}
        </SelectField>
        <SelectField id="mt-case-kind" label={t('meetings.cases.kind')} value={kind} onChange={(v) => setKind(v === 'announcement' ? 'announcement' : 'discussion')} hint={t('meetings.cases.kindHint')}>
          <option value="discussion">{t('meetings.cases.kinds.discussion')}</option>
          <option value="announcement">{t('meetings.cases.kinds.announcement')}</option>
        </SelectField>
      </div>
      <TextAreaField id="mt-case-question" label={t('meetings.cases.question')} hint={t('meetings.cases.questionHint')} value={question} onChange={setQuestion} rows={2} maxLength={2000} error={error?.fields.question} />
      <details className="mt-details">
        <summary>{t('meetings.cases.schoolPartOptional')}</summary>
        <p className="hint">{t('meetings.cases.prefillHint')}</p>
        <FormFields fields={meeting.caseForm.school} values={form} onChange={setForm} idPrefix="mt-case-new" error={error} errorPrefix="form." />
      </details>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('meetings.cases.proposeSubmit')}</SubmitButton>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function RecordConsent({ meeting, c, onChanged }: { meeting: MeetingView; c: CaseView; onChanged: (value?: unknown) => void }) {
  const { t } = useTranslation();
  const base = `mt-consent-${c.id}`;
  const [decision, setDecision] = useState<'given' | 'refused' | 'withdrawn'>('given');
  const [scope, setScope] = useState(() => t('meetings.consent.defaultScope', { meeting: meeting.kindLabel }));
  const [givenByName, setGivenByName] = useState('');
  const [givenOn, setGivenOn] = useState(todayIso());
  const { busy, error, act } = useAct();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await act(() => recordConsent(meeting.id, c.id, { decision, scope: scope.trim(), givenByName: givenByName.trim(), method: 'paper', givenOn }));
    if (done) {
      setGivenByName('');
      onChanged(done.value);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="mt-subform" aria-labelledby={`${base}-title`}>
      <h5 id={`${base}-title`}>{t('meetings.consent.recordTitle')}</h5>
      <p className="hint">{t('meetings.consent.recordHint')}</p>
      <SaveError error={error} onReload={onChanged} />
      <div className="form-grid">
        <SelectField id={`${base}-decision`} label={t('meetings.consent.decision')} value={decision} onChange={(v) => setDecision(v === 'refused' ? 'refused' : v === 'withdrawn' ? 'withdrawn' : 'given')}>
          <option value="given">{t('meetings.consent.decisions.given')}</option>
          <option value="refused">{t('meetings.consent.decisions.refused')}</option>
          <option value="withdrawn">{t('meetings.consent.decisions.withdrawn')}</option>
        </SelectField>
        <TextField id={`${base}-by`} label={t('meetings.consent.givenBy')} value={givenByName} onChange={setGivenByName} maxLength={120} error={error?.fields.givenByName} autoComplete="off" />
        <TextField id={`${base}-on`} type="date" label={t('meetings.consent.givenOn')} value={givenOn} onChange={setGivenOn} error={error?.fields.givenOn} />
      </div>
      <TextAreaField id={`${base}-scope`} label={t('meetings.consent.scope')} value={scope} onChange={setScope} rows={2} maxLength={1000} error={error?.fields.scope} />
      <SubmitButton busy={busy}>{t('meetings.consent.recordSubmit')}</SubmitButton>
    </form>
  );
}

function ConsentPart({ meeting, c, onChanged, editable }: { meeting: MeetingView; c: CaseView; onChanged: (value?: unknown) => void; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="mt-part">
      <h4>
        {t('meetings.consent.heading')} <ConsentBadge consent={c.consent} />
      </h4>
      {c.consents.length === 0 ? (
        <p className="muted">{t('meetings.consent.none')}</p>
      ) : (
        <ul className="plain-list mt-consents">
          {c.consents.map((k) => (
            <li key={k.id}>
              <ConsentLine consent={k} details />
            </li>
          ))}
        </ul>
      )}
      {editable ? <RecordConsent meeting={meeting} c={c} onChanged={onChanged} /> : null}
    </div>
  );
}

function CaseEditor({ meeting, c, onChanged, onSaved }: { meeting: MeetingView; c: CaseView; onChanged: (value?: unknown) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const base = `mt-case-${c.id}`;
  const staff = useMeetingStaff(meeting, c.caseManager ? [c.caseManager] : []);
  const [question, setQuestion] = useState(c.question);
  const [form, setForm] = useState(c.form);
  const [parentPart, setParentPart] = useState(c.parentPart);
  const [parentPartRequested, setParentPartRequested] = useState(c.parentPartRequested);
  const [informed, setInformed] = useState<'yes' | 'no' | ''>(c.parentsInformed ?? '');
  const [informedOn, setInformedOn] = useState(c.parentsInformedOn ?? '');
  const [reason, setReason] = useState(c.notInformedReason);
  const [toldOn, setToldOn] = useState(c.parentsToldOn ?? '');
  const [outcome, setOutcome] = useState(c.outcome);
  const [followUp, setFollowUp] = useState<FollowUp[]>(c.followUp);
  const [caseManagerId, setCaseManagerId] = useState(c.caseManager ? String(c.caseManager.id) : '');
  const [published, setPublished] = useState(c.publishedToParents);
  const { busy, error, act } = useAct();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await act(() =>
      patchCase(meeting.id, c.id, {
        version: c.version,
        question: question.trim(),
        form,
        parentPart,
        parentPartRequested,
        parentsInformed: informed || null,
        parentsInformedOn: informed === 'yes' ? informedOn || null : null,
        notInformedReason: informed === 'no' ? reason.trim() : '',
        parentsToldOn: toldOn || null,
        outcome,
        followUp,
        caseManagerId: caseManagerId ? Number(caseManagerId) : null,
        publishedToParents: published,
      }),
    );
    if (ok) {
      onSaved();
      onChanged(ok.value);
    }
  }
  const f = (name: string) => error?.fields[name];

  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.cases.formOf', { name: c.pupil.name })}>
      <SaveError error={error} onReload={onChanged} />
      <TextAreaField id={`${base}-question`} label={t('meetings.cases.question')} value={question} onChange={setQuestion} rows={2} maxLength={2000} error={f('question')} />
      <details className="mt-details">
        <summary>{t('meetings.cases.schoolPart')}</summary>
        <FormFields fields={meeting.caseForm.school} values={form} onChange={setForm} idPrefix={`${base}-form`} error={error} errorPrefix="form." />
      </details>
      <details className="mt-details" open={c.parentPartRequested || Object.keys(c.parentPart).length > 0 || undefined}>
        <summary>{t('meetings.cases.parentPart')}</summary>
        <CheckboxField label={t('meetings.cases.requestParentPart')} hint={t('meetings.cases.requestParentPartHint')} checked={parentPartRequested} onChange={setParentPartRequested} />
        {c.parentPartOn ? <p className="muted">{t('meetings.cases.parentPartBy', { name: c.parentPartBy, date: formatDate(c.parentPartOn) })}</p> : null}
        <FormFields fields={meeting.caseForm.parents} values={parentPart} onChange={setParentPart} idPrefix={`${base}-parents`} error={error} errorPrefix="parentPart." />
      </details>
      <fieldset className="mt-fieldset">
        <legend>{t('meetings.cases.informedLegend')}</legend>
        <div className="form-grid">
          <SelectField id={`${base}-informed`} label={t('meetings.cases.informedBefore')} value={informed} onChange={(v) => setInformed(v === 'yes' ? 'yes' : v === 'no' ? 'no' : '')} error={f('parentsInformed')}>
            <option value="">{t('meetings.cases.informedUnknown')}</option>
            <option value="yes">{t('common.yes')}</option>
            <option value="no">{t('common.no')}</option>
          </SelectField>
          {informed === 'yes' ? (
            <TextField id={`${base}-informed-on`} type="date" label={t('meetings.cases.informedOn')} value={informedOn} onChange={setInformedOn} error={f('parentsInformedOn')} />
          ) : null}
          <TextField id={`${base}-told-on`} type="date" label={t('meetings.cases.toldOn')} hint={t('meetings.cases.toldOnHint')} value={toldOn} onChange={setToldOn} error={f('parentsToldOn')} />
        </div>
        {informed === 'no' ? (
          <TextAreaField id={`${base}-reason`} label={t('meetings.cases.notInformedReason')} value={reason} onChange={setReason} rows={2} maxLength={2000} error={f('notInformedReason')} />
        ) : null}
      </fieldset>
      <details className="mt-details" open={meeting.status !== 'planned' || undefined}>
        <summary>{t('meetings.cases.outcome')}</summary>
        <FormFields fields={meeting.caseForm.outcome} values={outcome} onChange={setOutcome} idPrefix={`${base}-outcome`} error={error} errorPrefix="outcome." />
        <fieldset className="mt-checks">
          <legend>{t('meetings.cases.followUp')}</legend>
          <div className="mt-check-grid">
            {FOLLOW_UPS.map((fu) => (
              <CheckboxField key={fu} label={t(`meetings.followUps.${fu}`)} checked={followUp.includes(fu)} onChange={(on) => setFollowUp((cur) => (on ? [...cur, fu] : cur.filter((x) => x !== fu)))} />
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <SelectField id={`${base}-manager`} label={t('meetings.cases.caseManager')} value={caseManagerId} onChange={setCaseManagerId} error={f('caseManagerId')}>
            <option value="">{t('common.none')}</option>
            <StaffOptions staff={staff} />
          </SelectField>
        </div>
        <CheckboxField label={t('meetings.cases.publish')} hint={t('meetings.cases.publishHint')} checked={published} onChange={setPublished} error={f('publishedToParents')} />
      </details>
      <SubmitButton busy={busy}>{t('meetings.cases.save', { name: c.pupil.name })}</SubmitButton>
    </form>
  );
}

function CaseReadOnly({ meeting, c }: { meeting: MeetingView; c: CaseView }) {
  const { t } = useTranslation();
  return (
    <>
      <Facts
        items={[
          { label: t('meetings.cases.question'), value: c.question || t('meetings.notFilled') },
          { label: t('meetings.cases.informedBefore'), value: c.parentsInformed === 'yes' ? `${t('common.yes')}${c.parentsInformedOn ? ` (${formatDate(c.parentsInformedOn)})` : ''}` : c.parentsInformed === 'no' ? `${t('common.no')}: ${c.notInformedReason}` : t('meetings.cases.informedUnknown') },
          { label: t('meetings.cases.toldOn'), value: c.parentsToldOn ? formatDate(c.parentsToldOn) : t('meetings.notFilled') },
          { label: t('meetings.cases.caseManager'), value: c.caseManager?.name ?? t('common.none') },
          { label: t('meetings.cases.followUp'), value: c.followUp.length ? c.followUp.map((fu) => t(`meetings.followUps.${fu}`)).join(', ') : t('common.none') },
        ]}
      />
      <h4>{t('meetings.cases.schoolPart')}</h4>
      <FormValues fields={meeting.caseForm.school} values={c.form} />
      <h4>{t('meetings.cases.parentPart')}</h4>
      <FormValues fields={meeting.caseForm.parents} values={c.parentPart} />
      <h4>{t('meetings.cases.outcome')}</h4>
      <FormValues fields={meeting.caseForm.outcome} values={c.outcome} />
    </>
  );
}

function CaseCard({ meeting, c, onChanged, readOnly }: { meeting: MeetingView; c: CaseView; onChanged: (value?: unknown) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const editable = !readOnly && c.can.edit;
  /** Consent matters where externals take part (or may: the care team). */
  const needsConsent = meeting.kind === 'careTeam' || meeting.participants.some((p) => p.kind === 'external');
  const [saved, setSaved] = useState(false);
  const { busy, error, act } = useAct();
  async function remove() {
    if (!window.confirm(t('meetings.cases.removeConfirm', { name: c.pupil.name }))) return;
    const done = await act(() => deleteCase(meeting.id, c.id));
    if (done) onChanged(done.value);
  }
  return (
    <li className="mt-case">
      <details>
        <summary>
          <span className="mt-case-name">{c.pupil.name}</span>
          {c.pupil.groupName ? <span className="muted"> · {c.pupil.groupName}</span> : null} <span className="badge badge-muted">{t(`meetings.cases.kinds.${c.kind}`)}</span>{' '}
          {needsConsent || c.consent !== 'none' ? <ConsentBadge consent={c.consent} /> : null}
          {c.publishedToParents ? <span className="badge mt-published">{t('meetings.cases.published')}</span> : null}
          {c.warnings.length > 0 ? <span className="mt-warning-count">{t('meetings.cases.warningCount', { count: c.warnings.length })}</span> : null}
        </summary>
        <div className="mt-case-body">
          <p className="muted">
            {c.proposedBy ? t('meetings.cases.proposedBy', { name: c.proposedBy.name }) : null}{' '}
            <Link to={`/leerlingen/${c.pupil.id}/ondersteuning`}>{t('meetings.cases.toSupport', { name: c.pupil.name })}</Link>
          </p>
          <Warnings items={c.warnings} />
          {editable ? <CaseEditor key={c.version} meeting={meeting} c={c} onChanged={onChanged} onSaved={() => setSaved(true)} /> : <CaseReadOnly meeting={meeting} c={c} />}
          <p role="status" className="mt-saved">{saved ? t('meetings.saved') : null}</p>
          <ConsentPart meeting={meeting} c={c} onChanged={onChanged} editable={editable} />
          {editable ? (
            <div className="form-actions">
              <SaveError error={error} onReload={onChanged} />
              <button type="button" className="button ghost small" disabled={busy} onClick={() => void remove()}>
                {t('meetings.cases.remove', { name: c.pupil.name })}
              </button>
            </div>
          ) : null}
        </div>
      </details>
    </li>
  );
}

export function CasesSection({ meeting, onChanged, readOnly }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('meetings.cases.heading')} id="mt-cases">
      <p className="muted">{t('meetings.cases.intro')}</p>
      {meeting.hiddenCases > 0 ? (
        <Alert kind="info">
          <p>{t('meetings.cases.hidden', { count: meeting.hiddenCases })}</p>
        </Alert>
      ) : null}
      {meeting.cases.length === 0 ? (
        <Empty>{t('meetings.cases.none')}</Empty>
      ) : (
        <ul className="plain-list mt-cases">
          {meeting.cases.map((c) => (
            <CaseCard key={c.id} meeting={meeting} c={c} onChanged={onChanged} readOnly={readOnly} />
          ))}
        </ul>
      )}
      {!readOnly && meeting.can.addCase ? <ProposeCase meeting={meeting} onChanged={onChanged} /> : null}
    </Section>
  );
}
