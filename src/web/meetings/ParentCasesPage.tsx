// Besprekingen (/leerlingen/:id/besprekingen) for a parent with gezag: per discussion of the child the question, the
// parents' part (filled in here while the school asks for it), the consent to discuss the child with externals
// (given or refused digitally, with what it covers), and the agreements once the school publishes them. Nothing else
// of the meeting reaches this page.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../shared/hooks';
import { Empty, idParam, LoadError, Loading, NotFoundPage, Page, Section, SubmitButton } from '../shared/components';
import { formatDate } from '../shared/format';
import { giveConsent, meetingPaths, saveParentPart, type ParentCasesView, type ParentCaseView } from './api';
import { ConsentLine, FormFields, FormValues, SaveError, useAct } from './common';
import { capitalise } from '../shared/labels';

function ParentPart({ pupilId, c, onChanged, onSaved }: { pupilId: number; c: ParentCaseView; onChanged: (value?: unknown) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(c.parentPart);
  const { busy, error, act } = useAct();
  if (!c.parentPartEditable) {
    return Object.keys(c.parentPart).length > 0 ? <FormValues fields={c.parentFields} values={c.parentPart} /> : <p className="muted">{t('meetings.parent.partNotAsked')}</p>;
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
    const done = await act(() => saveParentPart(pupilId, c.id, { version: c.version, parentPart: trimmed }));
    if (done) {
      onSaved();
      onChanged(done.value);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.parent.partTitle')}>
      <p>{t('meetings.parent.partIntro')}</p>
      <SaveError error={error} onReload={onChanged} />
      <FormFields fields={c.parentFields} values={values} onChange={setValues} idPrefix={`mt-pp-${c.id}`} error={error} errorPrefix="parentPart." />
      <SubmitButton busy={busy}>{t('meetings.parent.partSubmit')}</SubmitButton>
    </form>
  );
}

function Consent({ pupilId, c, onChanged, loading }: { pupilId: number; c: ParentCaseView; onChanged: (value?: unknown) => void; loading: boolean }) {
  const { t } = useTranslation();
  const { busy, error, act } = useAct();
  const scope = c.consents[0]?.scope;
  async function decide(decision: 'given' | 'refused') {
    if (!window.confirm(decision === 'given' ? t('meetings.parent.giveConfirm') : t('meetings.parent.refuseConfirm'))) return;
    const done = await act(() => giveConsent(pupilId, c.id, { version: c.version, decision: decision === 'refused' && c.consent === 'given' ? 'withdrawn' : decision }));
    if (done) onChanged(done.value);
  }
  return (
    <div className="mt-part">
      <h3>{t('meetings.parent.consentTitle')}</h3>
      <p>{t('meetings.parent.consentIntro', { meeting: c.meeting.kindLabel })}</p>
      {scope ? <p className="muted">{t('meetings.consent.scopeLine', { scope })}</p> : null}
      <p>
        <strong>{t('meetings.parent.consentNow')}</strong> {t(`meetings.consent.states.${c.consent}`)}
      </p>
      {c.consents.length > 0 ? (
        <ul className="plain-list mt-consents">
          {c.consents.map((k) => (
            <li key={k.id}>
              <ConsentLine consent={k} />
            </li>
          ))}
        </ul>
      ) : null}
      <SaveError error={error} onReload={onChanged} />
      <div className="form-actions">
        {c.consent !== 'given' ? (
          <button type="button" className="button" disabled={busy || loading} onClick={() => void decide('given')}>
            {t('meetings.parent.give')}
          </button>
        ) : null}
        {c.consent !== 'refused' ? (
          <button type="button" className="button secondary" disabled={busy || loading} onClick={() => void decide('refused')}>
            {c.consent === 'given' ? t('meetings.parent.withdraw') : t('meetings.parent.refuse')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function ParentCasesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const pupilId = idParam(id) ?? 0;
  const valid = pupilId > 0;
  const res = useApi<ParentCasesView>(valid ? meetingPaths.publishedCases(pupilId) : null);
  const [savedCase, setSavedCase] = useState<number | null>(null);
  if (!valid) {
    return <NotFoundPage />;
  }
  if (res.error && !res.data) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const { pupil, cases } = res.data;
  const sorted = [...cases].sort((a, b) => b.meeting.heldOn.localeCompare(a.meeting.heldOn));
  return (
    <Page
      title={t('meetings.parent.title', { name: pupil.name })}
      intro={<p>{t('meetings.parent.intro')}</p>}
      actions={
        <Link to={`/leerlingen/${pupil.id}`} className="button secondary">
          {t('meetings.parent.back', { name: pupil.name })}
        </Link>
      }
    >
      {sorted.length === 0 ? (
        <Section title={t('meetings.parent.noneTitle')}>
          <Empty>{t('meetings.parent.none')}</Empty>
        </Section>
      ) : (
        sorted.map((c) => (
          <Section key={c.id} title={t('meetings.parent.caseTitle', { meeting: capitalise(c.meeting.kindLabel), date: formatDate(c.meeting.heldOn) })}>
            {c.question ? (
              <p>
                <strong>{t('meetings.parent.question')}</strong> <span className="mt-pre">{c.question}</span>
              </p>
            ) : null}
            <div className="mt-part">
              <h3>{t('meetings.parent.partTitle')}</h3>
              <ParentPart key={c.version} pupilId={pupil.id} c={c} onChanged={res.reload} onSaved={() => setSavedCase(c.id)} />
              <p role="status" className="mt-saved">{savedCase === c.id ? t('meetings.parent.partSaved') : null}</p>
            </div>
            {c.consentAsked ? <Consent pupilId={pupil.id} c={c} onChanged={res.reload} loading={res.loading} /> : null}
            <div className="mt-part">
              <h3>{t('meetings.parent.agreementsTitle')}</h3>
              {c.agreements === null ? (
                <p className="muted">{t('meetings.parent.notPublished')}</p>
              ) : c.agreements.length === 0 ? (
                <p className="muted">{t('meetings.parent.noAgreements')}</p>
              ) : (
                <dl className="mt-values">
                  {c.agreements.map((a) => (
                    <div key={a.label}>
                      <dt>{a.label}</dt>
                      <dd className="mt-pre">{a.text}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          </Section>
        ))
      )}
    </Page>
  );
}
