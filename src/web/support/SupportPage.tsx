// A pupil's individual support (/leerlingen/:id/ondersteuning): the current ondersteuningsniveau with its rules'
// warnings and the OPP-candidate notice, changing the level (with consent where the level asks for it), the dated
// history, the pupil's handelingsplannen and OPP's, and starting a new handelingsplan (also for more pupils of the
// same group, optionally linked to a groepsplan row) or a new OPP.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DOMAINS } from '../../domain/assessments/instruments';
import type { ActionPlanFormat, LevelDef, LevelEntry } from '../../domain/support/model';
import type { PlanSummary } from '../../domain/support/views';
import {
  Alert, CheckboxField, Empty, Facts, fieldError, FormError, LoadError, Loading, Page, Section, SelectField, SubmitButton,
  TableWrap, TextAreaField, TextField,
} from '../shared/components';
import { compareText, formatDate, todayIso } from '../shared/format';
import { useApi, useSubmit } from '../shared/hooks';
import { groupLabel } from '../shared/labels';
import type { GroupDetail, PupilDetail } from '../shared/types';
import { domainLabel } from '../assessments/util';
import { PupilCasesPanel } from '../meetings/PupilCasesPanel';
import { addLevel, createPlan, patchLevel, type PupilSupportView } from './api';
import { actionPlanFormatLabel, findLevel, levelLabel, planKindLabel, planStatusLabel, signatureSummary, signatureTone, termText } from './labels';
import './support.css';

type Setter = () => void;

// ---------- current level ----------

function ConsentForm({ pupilId, entry, onSaved }: { pupilId: number; entry: LevelEntry; onSaved: Setter }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [consentOn, setConsentOn] = useState(todayIso());
  const [note, setNote] = useState(entry.consentNote);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await run(() => patchLevel(pupilId, entry.id, { consentOn, consentNote: note.trim() }));
    if (saved) {
      setOpen(false);
      onSaved();
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
          {t('support.page.recordConsent')}
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="sp-inline-form" aria-labelledby="sp-consent-title">
      <h3 id="sp-consent-title">{t('support.page.recordConsentTitle')}</h3>
      <FormError error={error} />
      <div className="form-row">
        <TextField label={t('support.page.consentOn')} type="date" value={consentOn} onChange={setConsentOn} required error={fieldError(error, 'consentOn')} />
        <TextField label={t('support.page.consentNoteOptional')} value={note} onChange={setNote} maxLength={1000} error={fieldError(error, 'consentNote')} />
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.page.saveConsent')}</SubmitButton>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CurrentLevel({ view, onChanged }: { view: PupilSupportView; onChanged: Setter }) {
  const { t } = useTranslation();
  const entry = view.currentLevel;
  const def = entry ? findLevel(view.settings.levels, entry.level) : null;
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  return (
    <Section
      title={t('support.page.currentTitle')}
      id="sp-current-title"
      actions={
        view.can.edit && !changing ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setChanging(true);
              setChanged(false);
            }}
          >
            {t('support.page.changeLevel')}
          </button>
        ) : null
      }
    >

      {!entry ? (
        <Empty>{t('support.page.noLevel')}</Empty>
      ) : (
        <>
          <p className="sp-level-current">
            <span className="badge sp-level-badge">{levelLabel(t, view.settings.levels, entry.level)}</span>
          </p>
          {def?.description ? <p className="muted">{def.description}</p> : null}
          <Facts
            items={[
              { label: t('support.page.since'), value: formatDate(entry.startsOn) },
              { label: t('support.page.reason'), value: entry.reason || '—' },
              { label: t('support.page.question'), value: entry.question || '—' },
              { label: t('support.page.meeting'), value: entry.meeting || '—' },
              { label: t('support.page.decidedBy'), value: entry.decidedByName || '—' },
              ...(def?.requiresConsent || entry.consentOn
                ? [
                    {
                      label: t('support.page.consent'),
                      value: entry.consentOn ? t('support.page.consentGiven', { date: formatDate(entry.consentOn) }) : t('support.page.consentMissing'),
                    },
                  ]
                : []),
              ...(entry.consentNote ? [{ label: t('support.page.consentNote'), value: entry.consentNote }] : []),
            ]}
          />
          {def?.requiresConsent && !entry.consentOn && view.can.edit ? <ConsentForm pupilId={view.pupil.id} entry={entry} onSaved={onChanged} /> : null}
        </>
      )}
      {view.warnings.length > 0 ? (
        <Alert kind="warning" title={t('support.page.warningsTitle')}>
          <ul className="problem-list">
            {view.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {view.oppCandidate.candidate ? (
        <Alert kind="info" title={t('support.page.candidateTitle')}>
          <p>{t('support.page.candidateIntro')}</p>
          <ul className="problem-list">
            {view.oppCandidate.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {changed ? (
        <Alert kind="success">
          <p>{t('support.page.levelSaved')}</p>
        </Alert>
      ) : null}
      {changing ? (
        <ChangeLevel
          view={view}
          onCancel={() => setChanging(false)}
          onSaved={() => {
            setChanging(false);
            setChanged(true);
            onChanged();
          }}
        />
      ) : null}
    </Section>
  );
}

// ---------- change level ----------

function levelHint(t: TFunction, def: LevelDef | null): string | undefined {
  if (!def) return undefined;
  const parts = [def.description, t('support.page.planType', { plan: t(`support.page.planTypes.${def.planType}`) })];
  return parts.filter(Boolean).join(' ');
}

function ChangeLevel({ view, onSaved, onCancel }: { view: PupilSupportView; onSaved: Setter; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ level: '', startsOn: todayIso(), reason: '', question: view.currentLevel?.question ?? '', meeting: '', consentOn: '', consentNote: '' });
  const [levelError, setLevelError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useSubmit();
  const def = findLevel(view.settings.levels, form.level);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.level) {
      setLevelError(t('support.page.levelRequired'));
      document.getElementById('sp-level')?.focus();
      return;
    }
    setLevelError(undefined);
    const res = await run(() =>
      addLevel(view.pupil.id, {
        level: form.level,
        startsOn: form.startsOn,
        reason: form.reason.trim(),
        question: form.question.trim(),
        meeting: form.meeting.trim(),
        consentOn: def?.requiresConsent && form.consentOn ? form.consentOn : null,
        consentNote: def?.requiresConsent ? form.consentNote.trim() : '',
      }),
    );
    if (res) onSaved();
  }

  return (
    <form onSubmit={submit} noValidate className="sp-inline-form" aria-labelledby="sp-change-title">
      <h3 id="sp-change-title">{t('support.page.changeLevelTitle')}</h3>
      <p className="muted">{t('support.page.changeLevelIntro')}</p>
      <FormError error={error} />
      <div className="form-grid">
        <SelectField
          label={t('support.page.level')}
          value={form.level}
          onChange={set('level')}
          id="sp-level"
          hint={levelHint(t, def)}
          error={levelError ?? fieldError(error, 'level')}
          required
        >
          <option value="">{t('support.page.chooseLevel')}</option>
          {view.settings.levels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </SelectField>
        <TextField label={t('support.page.startsOn')} type="date" value={form.startsOn} onChange={set('startsOn')} required error={fieldError(error, 'startsOn')} />
      </div>
      <TextAreaField label={t('support.page.reasonLabel')} value={form.reason} onChange={set('reason')} rows={2} maxLength={2000} error={fieldError(error, 'reason')} />
      <TextField label={t('support.page.questionLabel')} hint={t('support.page.questionHint')} value={form.question} onChange={set('question')} maxLength={500} error={fieldError(error, 'question')} />
      <TextField label={t('support.page.meetingLabel')} hint={t('support.page.meetingHint')} value={form.meeting} onChange={set('meeting')} maxLength={200} error={fieldError(error, 'meeting')} />
      {def?.requiresConsent ? (
        <fieldset className="sp-fieldset">
          <legend>{t('support.page.consent')}</legend>
          <p className="muted">{t('support.page.consentRequired')}</p>
          <div className="form-row">
            <TextField label={t('support.page.consentOnOptional')} type="date" value={form.consentOn} onChange={set('consentOn')} error={fieldError(error, 'consentOn')} />
            <TextField label={t('support.page.consentNoteOptional')} value={form.consentNote} onChange={set('consentNote')} maxLength={1000} error={fieldError(error, 'consentNote')} />
          </div>
        </fieldset>
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.page.saveLevel')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------- history ----------

function History({ view }: { view: PupilSupportView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('support.page.historyTitle')} id="sp-history-title">
      {view.levels.length === 0 ? (
        <Empty>{t('support.page.noHistory')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('support.page.historyCaption', { name: view.pupil.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.page.level')}</th>
                <th scope="col">{t('support.page.from')}</th>
                <th scope="col">{t('support.page.to')}</th>
                <th scope="col">{t('support.page.reason')}</th>
                <th scope="col">{t('support.page.question')}</th>
                <th scope="col">{t('support.page.decidedBy')}</th>
                <th scope="col">{t('support.page.consent')}</th>
              </tr>
            </thead>
            <tbody>
              {view.levels.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{levelLabel(t, view.settings.levels, l.level)}</th>
                  <td className="nowrap">{formatDate(l.startsOn)}</td>
                  <td className="nowrap">{l.endsOn ? formatDate(l.endsOn) : t('support.page.current')}</td>
                  <td>{l.reason || '—'}</td>
                  <td>{l.question || '—'}</td>
                  <td>
                    {l.decidedByName || '—'}
                    {l.meeting ? <span className="small-line muted">{l.meeting}</span> : null}
                  </td>
                  <td className="nowrap">{l.consentOn ? formatDate(l.consentOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}

// ---------- plans ----------

function PlanRow({ pupilId, plan }: { pupilId: number; plan: PlanSummary }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        <Link to={`/leerlingen/${pupilId}/plannen/${plan.id}`}>{plan.title}</Link>
        {plan.pupilCount > 1 ? <span className="small-line muted">{t('support.page.pupilCount', { count: plan.pupilCount })}</span> : null}
        {plan.unpublishedChanges && plan.latestVersion > 0 ? <span className="small-line sp-unpublished">{t('support.page.unpublished')}</span> : null}
      </th>
      <td>{planKindLabel(t, plan.kind)}</td>
      <td>
        <span className={`badge sp-status-${plan.status}`}>{planStatusLabel(t, plan.status)}</span>
      </td>
      <td>
        {termText(t, plan.startsOn, plan.endsOn) || '—'}
        {plan.extensions > 0 ? <span className="small-line muted">{t('support.page.extended', { count: plan.extensions })}</span> : null}
      </td>
      <td className="nowrap">{plan.latestVersion > 0 ? t('support.page.versionN', { n: plan.latestVersion }) : t('support.page.notPublished')}</td>
      <td>{plan.signatures ? <span className={`badge sp-sign sp-sign-${signatureTone(plan.signatures)}`}>{signatureSummary(t, plan.signatures)}</span> : '—'}</td>
    </tr>
  );
}

function Plans({ view }: { view: PupilSupportView }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState<'hp' | 'opp' | null>(null);
  const order = { draft: 1, active: 0, evaluated: 2, closed: 3 } as const;
  const plans = [...view.plans].sort((a, b) => order[a.status] - order[b.status] || compareText(b.startsOn ?? '', a.startsOn ?? '') || b.id - a.id);
  const existingOpp = view.plans.find((p) => p.kind === 'developmentPerspective' && p.status !== 'closed');
  return (
    <Section
      title={t('support.page.plansTitle')}
      id="sp-plans-title"
      actions={
        view.can.edit && creating === null ? (
          <>
            <button type="button" className="button" onClick={() => setCreating('hp')}>
              {t('support.page.newActionPlan')}
            </button>
            {!existingOpp ? (
              <button type="button" className="button secondary" onClick={() => setCreating('opp')}>
                {t('support.page.newOpp')}
              </button>
            ) : null}
          </>
        ) : null
      }
    >
      {creating === 'hp' ? <NewActionPlan view={view} onCancel={() => setCreating(null)} /> : null}
      {creating === 'opp' ? <NewOpp view={view} onCancel={() => setCreating(null)} /> : null}
      {plans.length === 0 ? (
        <Empty>{t('support.page.noPlans')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('support.page.plansCaption', { name: view.pupil.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.page.planTitle')}</th>
                <th scope="col">{t('support.page.planKind')}</th>
                <th scope="col">{t('support.page.planStatus')}</th>
                <th scope="col">{t('support.page.planTerm')}</th>
                <th scope="col">{t('support.page.planVersion')}</th>
                <th scope="col">{t('support.page.planSignatures')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <PlanRow key={p.id} pupilId={view.pupil.id} plan={p} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}

/** The other pupils of the pupil's current group, to choose for a plan for more pupils (loaded when asked for). */
function MorePupils({ pupilId, chosen, onChange }: { pupilId: number; chosen: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const pupil = useApi<PupilDetail>(`/api/pupils/${pupilId}`);
  const groupId = pupil.data?.currentGroup?.id ?? null;
  const group = useApi<GroupDetail>(groupId !== null ? `/api/groups/${groupId}` : null);
  if (pupil.error) return <FormError error={pupil.error} />;
  if (!pupil.data) return <p className="muted">{t('common.loading')}</p>;
  if (groupId === null) return <p className="muted">{t('support.page.morePupilsNoGroup')}</p>;
  if (group.error) return <FormError error={group.error} />;
  if (!group.data) return <p className="muted">{t('common.loading')}</p>;
  const others = group.data.pupils.filter((p) => p.id !== pupilId);
  if (others.length === 0) return <p className="muted">{t('support.page.morePupilsNone')}</p>;
  return (
    <fieldset className="sp-fieldset sp-pupil-choice">
      <legend>{t('support.page.morePupilsLegend')}</legend>
      <div className="sp-check-grid">
        {others.map((p) => (
          <CheckboxField
            key={p.id}
            label={`${p.firstName} ${p.lastName}`}
            checked={chosen.includes(p.id)}
            onChange={(on) => onChange(on ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function NewActionPlan({ view, onCancel }: { view: PupilSupportView; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<ActionPlanFormat>('crossSubject');
  const [subject, setSubject] = useState('');
  const [link, setLink] = useState('');
  const [many, setMany] = useState(false);
  const [pupilIds, setPupilIds] = useState<number[]>([]);
  const [problems, setProblems] = useState<{ title?: string; subject?: string }>({});
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = {
      title: title.trim() ? undefined : t('support.page.titleRequired'),
      subject: format === 'subject' && !subject ? t('support.page.subjectRequired') : undefined,
    };
    setProblems(next);
    if (next.title || next.subject) {
      document.getElementById(next.title ? 'sp-hp-title' : 'sp-hp-subject')?.focus();
      return;
    }
    const row = view.groupPlanLinks.find((l) => `${l.planId}:${l.rowKey}` === link);
    const plan = await run(() =>
      createPlan(view.pupil.id, {
        kind: 'actionPlan',
        title: title.trim(),
        format,
        ...(format === 'subject' ? { subject } : {}),
        ...(many && pupilIds.length > 0 ? { pupilIds } : {}),
        ...(row ? { groupPlanId: row.planId, groupPlanRow: row.rowKey } : {}),
      }),
    );
    if (plan) navigate(`/leerlingen/${view.pupil.id}/plannen/${plan.id}`);
  }

  return (
    <form onSubmit={submit} noValidate className="sp-inline-form" aria-labelledby="sp-new-hp-title">
      <h3 id="sp-new-hp-title">{t('support.page.newActionPlanTitle')}</h3>
      <p className="muted">{t('support.page.newActionPlanIntro')}</p>
      <FormError error={error} />
      <TextField label={t('support.page.titleLabel')} value={title} onChange={setTitle} id="sp-hp-title" maxLength={200} required error={problems.title ?? fieldError(error, 'title')} />
      <div className="form-grid">
        <SelectField label={t('support.page.formatLabel')} value={format} onChange={(v) => setFormat(v as ActionPlanFormat)} id="sp-hp-format">
          <option value="crossSubject">{actionPlanFormatLabel(t, 'crossSubject')}</option>
          <option value="subject">{actionPlanFormatLabel(t, 'subject')}</option>
        </SelectField>
        {format === 'subject' ? (
          <SelectField label={t('support.page.subjectLabel')} value={subject} onChange={setSubject} id="sp-hp-subject" error={problems.subject ?? fieldError(error, 'subject')}>
            <option value="">{t('support.page.chooseSubject')}</option>
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {domainLabel(t, d)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {view.groupPlanLinks.length > 0 ? (
        <SelectField label={t('support.page.groupPlanRow')} value={link} onChange={setLink} id="sp-hp-link" error={fieldError(error, 'groupPlanRow') ?? fieldError(error, 'groupPlanId')}>
          <option value="">{t('support.page.noGroupPlanRow')}</option>
          {view.groupPlanLinks.map((l) => (
            <option key={`${l.planId}:${l.rowKey}`} value={`${l.planId}:${l.rowKey}`}>
              {t('support.page.groupPlanRowOption', { period: l.periodName, group: groupLabel(t, l.groupName, view.pupil.sector), row: l.rowLabel })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <CheckboxField label={t('support.page.morePupils')} hint={t('support.page.morePupilsHint')} checked={many} onChange={setMany} error={fieldError(error, 'pupilIds')} />
      {many ? <MorePupils pupilId={view.pupil.id} chosen={pupilIds} onChange={setPupilIds} /> : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.page.createActionPlan')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function NewOpp({ view, onCancel }: { view: PupilSupportView; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState(t('support.page.oppDefaultTitle'));
  const [decidedOn, setDecidedOn] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(t('support.page.titleRequired'));
      document.getElementById('sp-opp-title')?.focus();
      return;
    }
    setTitleError(undefined);
    const plan = await run(() => createPlan(view.pupil.id, { kind: 'developmentPerspective', title: title.trim(), ...(decidedOn ? { decidedOn } : {}) }));
    if (plan) navigate(`/leerlingen/${view.pupil.id}/plannen/${plan.id}`);
  }

  return (
    <form onSubmit={submit} noValidate className="sp-inline-form" aria-labelledby="sp-new-opp-title">
      <h3 id="sp-new-opp-title">{t('support.page.newOppTitle')}</h3>
      <p className="muted">{t('support.page.newOppIntro', { weeks: view.settings.developmentPerspective.deadlineWeeks })}</p>
      {error?.code === 'opp_exists' ? (
        <Alert kind="error">
          <p>{error.message || t('support.page.oppExists')}</p>
        </Alert>
      ) : (
        <FormError error={error} />
      )}
      <div className="form-grid">
        <TextField label={t('support.page.titleLabel')} value={title} onChange={setTitle} id="sp-opp-title" maxLength={200} required error={titleError ?? fieldError(error, 'title')} />
        <TextField label={t('support.page.decidedOn')} hint={t('support.page.decidedOnHint')} type="date" value={decidedOn} onChange={setDecidedOn} error={fieldError(error, 'decidedOn')} />
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('support.page.createOpp')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------- page ----------

export function SupportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const pupilId = Number(id);
  const loaded = useApi<PupilSupportView>(`/api/pupils/${encodeURIComponent(id ?? '')}/support`);
  const { reload } = loaded;

  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const view = loaded.data;
  if (!view || view.pupil.id !== pupilId) return <Loading />;
  const group = view.pupil.groupName ? groupLabel(t, view.pupil.groupName, view.pupil.sector) : null;

  return (
    <Page
      title={t('support.page.title', { name: view.pupil.name })}
      intro={group ? <p className="muted">{group}</p> : undefined}
      actions={
        <Link className="button secondary" to={`/leerlingen/${view.pupil.id}`}>
          {t('support.page.backToPupil')}
        </Link>
      }
    >
      <nav className="subnav sp-subnav" aria-label={t('support.page.sections')}>
        <ul>
          <li>
            <Link to={`/leerlingen/${view.pupil.id}`}>{t('support.page.tabData')}</Link>
          </li>
          <li>
            <Link to={`/leerlingen/${view.pupil.id}/ondersteuning`} aria-current="page">
              {t('support.page.tabSupport')}
            </Link>
          </li>
        </ul>
      </nav>
      {!view.can.edit ? <p className="muted">{t('support.page.readOnly')}</p> : null}
      <CurrentLevel view={view} onChanged={reload} />
      <Plans view={view} />
      <History view={view} />
      <PupilCasesPanel pupilId={view.pupil.id} pupilName={view.pupil.name} />
    </Page>
  );
}
