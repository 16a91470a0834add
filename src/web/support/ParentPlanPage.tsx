// One shared plan for parents (/leerlingen/:id/gedeelde-plannen/:planId): the latest published version as the school
// published it, where its signatures stand, the response form (instemming / geen instemming for an OPP, akkoord /
// niet akkoord for a handelingsplan, with a zienswijze and an explicit "ik heb versie n gelezen"), a separate
// zienswijze, the meetings with parents and the earlier versions with their signatures, each with its PDF.
// A response carries the content hash of the version shown, so it is bound to exactly that text.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ParentMeetingView, PlanVersionView, PublishedPlanView } from '../../domain/support/views';
import type { ResponseKind, SignatureRequirement } from '../../domain/support/model';
import { ApiError } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, CheckboxField, Empty, errorText, Facts, FormError, idParam, LoadError, Loading, NotFoundPage, Page, Section, SubmitButton, TextAreaField } from '../shared/components';
import { formatDate } from '../shared/format';
import { useMe } from '../shared/session';
import { publishedPdfUrl, respond, supportPaths } from './api';
import { meetingPurposeLabel, planKindLabel, planStatusLabel, responseKindLabel } from './labels';
import { DocText, PlanDocumentView, SignatureBlock } from './PlanDocumentView';
import './portal.css';

/** The two signing choices a version asks for (none when the school asks no signature). */
function signingKinds(requirement: SignatureRequirement): ResponseKind[] {
  if (requirement === 'consent') return ['consent', 'refuse'];
  if (requirement === 'agreement') return ['agree', 'disagree'];
  return [];
}

const STATEMENT_MIN = 3;
const STATEMENT_MAX = 4000;

/** Errors that mean "the page shows an outdated state": the new state is loaded and the message says why. */
const RELOAD_CODES = ['stale_version', 'hash_mismatch', 'already_signed'];

/** Passes a request's result on; an answer that the shown version is outdated also goes to `onOutdated`. */
async function outdatedAware<T>(request: Promise<T>, onOutdated: (error: ApiError) => void): Promise<T> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ApiError && RELOAD_CODES.includes(err.code)) onOutdated(err);
    throw err;
  }
}

function PdfLink({ pupilId, planId, version }: { pupilId: number; planId: number; version: PlanVersionView }) {
  const { t } = useTranslation();
  return (
    <a href={publishedPdfUrl(pupilId, planId, version.number)} download>
      {t('supportPortal.plan.pdf', { n: version.number })}
    </a>
  );
}

/** Instemming/akkoord or not, with a zienswijze, after confirming that this version was read. */
function ResponseForm({
  pupilId,
  plan,
  version,
  onDone,
  onOutdated,
}: {
  pupilId: number;
  plan: PublishedPlanView;
  version: PlanVersionView;
  onDone: (kind: ResponseKind) => void;
  onOutdated: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const kinds = signingKinds(plan.requirement);
  const groupName = useId();
  const [kind, setKind] = useState<ResponseKind | ''>('');
  const [statement, setStatement] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<{ kind?: string; statement?: string; confirmed?: string }>({});
  const { busy, error, setError, run } = useSubmit();
  const objecting = kind === 'refuse' || kind === 'disagree';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof problems = {};
    if (!kind) next.kind = t('supportPortal.respond.chooseError');
    if (objecting && statement.trim().length < STATEMENT_MIN) next.statement = t('supportPortal.respond.statementRequired');
    if (statement.length > STATEMENT_MAX) next.statement = t('supportPortal.respond.statementTooLong', { max: STATEMENT_MAX });
    if (!confirmed) next.confirmed = t('supportPortal.respond.confirmError', { n: version.number });
    setProblems(next);
    if (!kind || Object.keys(next).length > 0) {
      setError(null);
      return;
    }
    const done = await run(() => outdatedAware(respond(pupilId, plan.id, version.number, { kind, statement: statement.trim(), contentHash: version.contentHash }), onOutdated));
    if (done) onDone(kind);
  }

  const serverField = (name: string) => error?.fields[name] ?? error?.fields[`body.${name}`];
  const ask = plan.requirement === 'consent' ? t('supportPortal.respond.askConsent') : t('supportPortal.respond.askAgreement');

  return (
    <form onSubmit={submit} noValidate className="spp-respond-form">
      <p>{ask}</p>
      {Object.keys(problems).length > 0 ? (
        <Alert kind="error">
          <p>{t('supportPortal.respond.fixProblems')}</p>
        </Alert>
      ) : null}
      <FormError error={error && RELOAD_CODES.includes(error.code) ? null : error} />
      <fieldset className={`choice${problems.kind || serverField('kind') ? ' field-invalid' : ''}`} aria-describedby={problems.kind ? `${groupName}-error` : undefined}>
        <legend>{t('supportPortal.respond.choice')}</legend>
        {kinds.map((k) => (
          <label key={k}>
            <input type="radio" name={groupName} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`supportPortal.respond.kinds.${k}`)}
          </label>
        ))}
        {problems.kind || serverField('kind') ? (
          <p className="field-error" id={`${groupName}-error`}>
            {problems.kind ?? serverField('kind')}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={objecting ? t('supportPortal.respond.statement') : t('supportPortal.respond.statementOptional')}
        value={statement}
        onChange={setStatement}
        rows={5}
        maxLength={STATEMENT_MAX}
        hint={objecting ? t('supportPortal.respond.statementHintObjecting') : t('supportPortal.respond.statementHint')}
        error={problems.statement ?? serverField('statement')}
      />
      <CheckboxField
        label={t('supportPortal.respond.confirm', { n: version.number })}
        checked={confirmed}
        onChange={setConfirmed}
        hint={t('supportPortal.respond.confirmHint', { date: formatDate(version.publishedAt) })}
        error={problems.confirmed}
      />
      <div className="form-actions">
        <SubmitButton busy={busy}>{t('supportPortal.respond.submit')}</SubmitButton>
      </div>
    </form>
  );
}

/** A zienswijze without signing (any number, on the latest version). */
function CommentForm({ pupilId, plan, version, onDone, onOutdated }: {
  pupilId: number;
  plan: PublishedPlanView;
  version: PlanVersionView;
  onDone: () => void;
  onOutdated: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const [statement, setStatement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = statement.trim();
    if (text.length < STATEMENT_MIN) {
      setProblem(t('supportPortal.comment.required'));
      return;
    }
    setProblem(null);
    const done = await run(() => outdatedAware(respond(pupilId, plan.id, version.number, { kind: 'comment', statement: text, contentHash: version.contentHash }), onOutdated));
    if (done) {
      setStatement('');
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="spp-comment-form">
      <FormError error={error && RELOAD_CODES.includes(error.code) ? null : error} />
      <TextAreaField
        label={t('supportPortal.comment.label')}
        value={statement}
        onChange={setStatement}
        rows={4}
        maxLength={STATEMENT_MAX}
        hint={t('supportPortal.comment.hint', { n: version.number })}
        error={problem ?? error?.fields.statement ?? error?.fields['body.statement']}
      />
      <div className="form-actions">
        <SubmitButton busy={busy} className="secondary">
          {t('supportPortal.comment.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

function MeetingItem({ meeting }: { meeting: ParentMeetingView }) {
  const { t } = useTranslation();
  return (
    <li className="spp-meeting">
      <h3>{t('supportPortal.meetings.heading', { purpose: meetingPurposeLabel(t, meeting.purpose), date: formatDate(meeting.heldOn) })}</h3>
      <Facts
        stacked
        items={[
          { label: t('supportPortal.meetings.participants'), value: <DocText text={meeting.participants} /> },
          { label: t('supportPortal.meetings.subject'), value: <DocText text={meeting.subject} /> },
          { label: t('supportPortal.meetings.agreements'), value: <DocText text={meeting.agreements} /> },
          { label: t('supportPortal.meetings.schoolView'), value: <DocText text={meeting.schoolView} /> },
          { label: t('supportPortal.meetings.parentView'), value: <DocText text={meeting.parentView} /> },
          ...(meeting.disagreement
            ? [
                {
                  label: t('supportPortal.meetings.disagreement'),
                  value: (
                    <>
                      {t('supportPortal.meetings.disagreementText')}
                      <span className="small-line">
                        {meeting.consequencesExplained ? t('supportPortal.meetings.consequencesExplained') : t('supportPortal.meetings.consequencesNotExplained')}
                      </span>
                      {meeting.earlierMeetingOn ? (
                        <span className="small-line">{t('supportPortal.meetings.earlierMeeting', { date: formatDate(meeting.earlierMeetingOn) })}</span>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </li>
  );
}

export function ParentPlanPage() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const pupilId = idParam(params.id) ?? 0;
  const planId = idParam(params.planId) ?? 0;
  const valid = pupilId > 0 && planId > 0;
  const res = useApi<PublishedPlanView>(valid ? supportPaths.publishedPlan(pupilId, planId) : null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!valid) {
    return <NotFoundPage />;
  }
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const plan = res.data;
  const [latest, ...older] = plan.versions;
  const child = me.children.find((c) => c.id === pupilId);
  const back = (
    <Link to={`/leerlingen/${pupilId}/gedeelde-plannen`} className="button secondary">
      {child ? t('supportPortal.plan.backNamed', { name: child.name }) : t('supportPortal.plan.back')}
    </Link>
  );
  if (!latest) {
    return (
      <Page title={plan.title} actions={back}>
        <Empty>{t('supportPortal.plan.noVersion')}</Empty>
      </Page>
    );
  }

  // The user is one of this child's parents with gezag (only they may respond).
  const mine = latest.signatures.guardians.find((g) => g.guardianId === me.id) ?? null;
  const myEarlier = older.length > 0 ? (older[0].signatures.guardians.find((g) => g.guardianId === me.id)?.response ?? null) : null;
  const shownVersion = latest.number;

  function afterResponse(kind: ResponseKind) {
    setNotice({
      tone: 'success',
      text: kind === 'comment' ? t('supportPortal.comment.saved', { n: shownVersion }) : t('supportPortal.respond.saved', { n: shownVersion, kind: responseKindLabel(t, kind) }),
    });
    res.reload();
  }

  /** The version changed or was answered meanwhile: say why and show the current state. */
  function outdated(error: ApiError) {
    setNotice({ tone: 'warning', text: error.code === 'stale_version' ? t('supportPortal.respond.newerVersion') : errorText(error, t) });
    res.reload();
  }

  return (
    <Page
      title={plan.title}
      actions={back}
      intro={
        <p className="muted">
          {planKindLabel(t, plan.kind)} · {planStatusLabel(t, plan.status)} ·{' '}
          {t('supportPortal.plan.versionLine', { n: latest.number, date: formatDate(latest.publishedAt), name: latest.publishedBy.name })}
        </p>
      }
    >
      {plan.canSign ? (
        <Alert kind="warning" title={t('supportPortal.plan.waitingTitle', { n: latest.number })}>
          <p>{plan.requirement === 'consent' ? t('supportPortal.plan.waitingConsent') : t('supportPortal.plan.waitingAgreement')}</p>
          {myEarlier ? <p>{t('supportPortal.plan.earlierResponse', { n: older[0].number, kind: responseKindLabel(t, myEarlier.kind), date: formatDate(myEarlier.signedOn) })}</p> : null}
          <p>
            <a href="#spp-respond">{t('supportPortal.plan.toResponse')}</a>
          </p>
        </Alert>
      ) : null}
      {plan.otherPupils > 0 ? (
        <Alert kind="info">
          <p>{t('supportPortal.plan.groupPlan')}</p>
        </Alert>
      ) : null}

      <Section title={t('supportPortal.plan.versionTitle', { n: latest.number })} actions={<PdfLink pupilId={pupilId} planId={plan.id} version={latest} />}>
        <PlanDocumentView doc={latest.doc} title={latest.title} level={3} />
      </Section>

      <Section id="spp-respond" title={t('supportPortal.plan.responseTitle', { n: latest.number })}>
        {notice ? (
          <div ref={noticeRef} tabIndex={-1} className="spp-focus-target">
            <Alert kind={notice.tone}>
              <p>{notice.text}</p>
            </Alert>
          </div>
        ) : null}
        <SignatureBlock state={latest.signatures} responses={latest.responses} level={3} />
        {mine?.response && !plan.canSign ? (
          <p className="spp-my-response">
            {t('supportPortal.plan.myResponse', { kind: responseKindLabel(t, mine.response.kind), date: formatDate(mine.response.signedOn) })}
          </p>
        ) : null}
        {plan.canSign && signingKinds(plan.requirement).length > 0 ? (
          <>
            <h3>{plan.requirement === 'consent' ? t('supportPortal.respond.titleConsent') : t('supportPortal.respond.titleAgreement')}</h3>
            <ResponseForm key={latest.number} pupilId={pupilId} plan={plan} version={latest} onDone={afterResponse} onOutdated={outdated} />
          </>
        ) : null}
        {mine ? (
          <>
            <h3>{t('supportPortal.comment.title')}</h3>
            <p className="hint spp-intro">{plan.requirement === 'none' ? t('supportPortal.comment.introNone') : t('supportPortal.comment.intro')}</p>
            <CommentForm key={latest.number} pupilId={pupilId} plan={plan} version={latest} onDone={() => afterResponse('comment')} onOutdated={outdated} />
          </>
        ) : null}
      </Section>

      <Section title={t('supportPortal.meetings.title')}>
        {plan.meetings.length === 0 ? (
          <Empty>{t('supportPortal.meetings.none')}</Empty>
        ) : (
          <ul className="plain-list spp-meeting-list">
            {[...plan.meetings]
              .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
              .map((m) => (
                <MeetingItem key={m.id} meeting={m} />
              ))}
          </ul>
        )}
      </Section>

      <Section title={t('supportPortal.plan.olderTitle')}>
        {older.length === 0 ? (
          <Empty>{t('supportPortal.plan.noOlder')}</Empty>
        ) : (
          <ul className="plain-list spp-older-list">
            {older.map((v) => (
              <li key={v.number}>
                <details>
                  <summary>{t('supportPortal.plan.olderSummary', { n: v.number, date: formatDate(v.publishedAt) })}</summary>
                  <div className="spp-older-body">
                    <p>
                      <PdfLink pupilId={pupilId} planId={plan.id} version={v} />
                    </p>
                    <SignatureBlock state={v.signatures} responses={v.responses} level={3} />
                    <PlanDocumentView doc={v.doc} title={v.title} level={3} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}

