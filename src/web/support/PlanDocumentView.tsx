// A handelingsplan (Bijlage 12/13) or OPP shown read-only, as parents and staff read a published version, and the
// signature block of a version (per parent with gezag: instemming/akkoord or not, when, digital or on paper, the
// zienswijze; then the other zienswijzen). Used by the staff "Versies en handtekeningen" part and the parent portal.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ActionPlanDoc, DevelopmentPerspectiveDoc, Factor, Goal, OppDomain, ParentResponse, SupportOrganisation, SupportPlanDoc,
  VersionSignatureState,
} from '../../domain/support/model';
import { Facts, TableWrap } from '../shared/components';
import { formatDate } from '../shared/format';
import { formatNumber } from '../assessments/util';
import { needDomainLabel } from '../group-cycle/common';
import {
  actionPlanFormatLabel, decisionLabel, exitDestinationLabel, factorAreaLabel, placeLabel, requirementLabel,
  responseKindLabel, responseMethodLabel, signatureSummary, signatureTone, termText,
} from './labels';
import './support.css';

type Level = 2 | 3 | 4;
type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5';

function heading(level: number): HeadingTag {
  return `h${Math.min(5, Math.max(2, level))}` as HeadingTag;
}

/** Text as written (line breaks kept); a muted "niet ingevuld" when empty. */
export function DocText({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation();
  return text && text.trim() ? <span className="sp-prose">{text}</span> : <span className="muted">{t('support.doc.empty')}</span>;
}

function DocPart({ title, level, children }: { title: string; level: number; children: ReactNode }) {
  const H = heading(level);
  return (
    <section className="sp-doc-part">
      <H>{title}</H>
      {children}
    </section>
  );
}

/** A part of the plan that is one text. */
function TextPart({ title, text, level }: { title: string; text: string; level: number }) {
  return (
    <DocPart title={title} level={level}>
      <p>
        <DocText text={text} />
      </p>
    </DocPart>
  );
}

function GoalItem({ goal, index }: { goal: Goal; index: number }) {
  const { t } = useTranslation();
  const target = [
    goal.target,
    goal.targetLevel ? t('support.doc.targetLevel', { level: goal.targetLevel }) : '',
    goal.targetScore !== null ? t('support.doc.targetScore', { score: formatNumber(goal.targetScore) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="sp-goal-view">
      <p className="sp-goal-what">
        <span className="badge badge-muted">{t('support.doc.goalN', { n: index + 1 })}</span> <DocText text={goal.what} />
      </p>
      <Facts
        items={[
          { label: t('support.goal.domain'), value: needDomainLabel(t, goal.domain) },
          { label: t('support.goal.measure'), value: <DocText text={goal.measure} /> },
          { label: t('support.goal.target'), value: <DocText text={target} /> },
          { label: t('support.goal.dueOn'), value: goal.dueOn ? formatDate(goal.dueOn) : <DocText text="" /> },
          ...(goal.result
            ? [{ label: t('support.goal.result'), value: `${t(`support.labels.results.${goal.result}`)}${goal.resultNote ? ` — ${goal.resultNote}` : ''}` }]
            : []),
        ]}
      />
    </li>
  );
}

function GoalList({ goals }: { goals: Goal[] }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p className="empty">{t('support.doc.noGoals')}</p>;
  return (
    <ol className="plain-list sp-goal-list">
      {goals.map((g, i) => (
        <GoalItem key={g.key} goal={g} index={i} />
      ))}
    </ol>
  );
}

function OrganisationFacts({ org }: { org: SupportOrganisation }) {
  const { t } = useTranslation();
  return (
    <Facts
      items={[
        { label: t('support.org.who'), value: <DocText text={org.who} /> },
        { label: t('support.org.where'), value: <DocText text={org.where} /> },
        { label: t('support.org.place'), value: placeLabel(t, org.place) },
        { label: t('support.org.when'), value: <DocText text={org.when} /> },
        { label: t('support.org.frequency'), value: <DocText text={org.frequency} /> },
        { label: t('support.org.minutesPerWeek'), value: org.minutesPerWeek === null ? <DocText text="" /> : t('support.doc.minutes', { count: org.minutesPerWeek }) },
      ]}
    />
  );
}

function ActionPlanView({ doc, level }: { doc: ActionPlanDoc; level: number }) {
  const { t } = useTranslation();
  const subjectForm = doc.format === 'subject';
  return (
    <>
      <Facts
        items={[
          { label: t('support.doc.format'), value: actionPlanFormatLabel(t, doc.format, doc.subject) },
          { label: t('support.doc.term'), value: termText(t, doc.startsOn, doc.endsOn) || <DocText text="" /> },
        ]}
      />
      <TextPart title={t('support.hp.problem')} text={doc.problem} level={level} />
      <TextPart title={subjectForm ? t('support.hp.expectationSubject') : t('support.hp.expectationCross')} text={doc.expectation} level={level} />
      <TextPart title={t('support.hp.needs')} text={doc.needs} level={level} />
      <DocPart title={t('support.hp.goals')} level={level}>
        <GoalList goals={doc.goals} />
      </DocPart>
      <DocPart title={t('support.hp.offer')} level={level}>
        <Facts
          stacked
          items={[
            { label: t('support.hp.content'), value: <DocText text={doc.content} /> },
            { label: t('support.hp.approach'), value: <DocText text={doc.approach} /> },
          ]}
        />
      </DocPart>
      <DocPart title={t('support.org.title')} level={level}>
        <OrganisationFacts org={doc.organisation} />
      </DocPart>
      <DocPart title={t('support.hp.evaluationPlan')} level={level}>
        <Facts
          stacked
          items={[
            { label: t('support.hp.evaluationHow'), value: <DocText text={doc.evaluationPlan.how} /> },
            { label: t('support.hp.evaluationWho'), value: <DocText text={doc.evaluationPlan.who} /> },
          ]}
        />
      </DocPart>
      <TextPart title={t('support.doc.parentAgreements')} text={doc.parentAgreements} level={level} />
      {doc.evaluation.summary.trim() || doc.evaluation.decision ? (
        <DocPart title={t('support.hp.evaluation')} level={level}>
          <Facts
          stacked
            items={[
              { label: t('support.hp.evaluationSummary'), value: <DocText text={doc.evaluation.summary} /> },
              { label: t('support.hp.decision'), value: doc.evaluation.decision ? decisionLabel(t, doc.evaluation.decision) : <DocText text="" /> },
            ]}
          />
        </DocPart>
      ) : null}
    </>
  );
}

function FactorList({ factors }: { factors: Factor[] }) {
  const { t } = useTranslation();
  if (factors.length === 0) return <p className="empty">{t('support.doc.noFactors')}</p>;
  return (
    <ul className="sp-factor-list">
      {factors.map((f, i) => (
        <li key={i}>
          <span className="badge badge-muted">{factorAreaLabel(t, f.area)}</span> <DocText text={f.text} />
        </li>
      ))}
    </ul>
  );
}

/** The planned growth line of an OPP domain as a table (date, planned DLE or score). */
export function GrowthTable({ domain, caption }: { domain: OppDomain; caption: string }) {
  const { t } = useTranslation();
  const points = [...domain.growth].sort((a, b) => a.on.localeCompare(b.on));
  if (points.length === 0) return <p className="empty">{t('support.doc.noGrowth')}</p>;
  return (
    <TableWrap>
      <table className="sp-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('support.growth.date')}</th>
            <th scope="col" className="num">
              {t(`support.growth.planned.${domain.measure}`)}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.on}-${i}`}>
              <td>{formatDate(p.on)}</td>
              <td className="num">{formatNumber(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function OppView({ doc, level }: { doc: DevelopmentPerspectiveDoc; level: number }) {
  const { t } = useTranslation();
  const H = heading(level + 1);
  return (
    <>
      <Facts items={[{ label: t('support.doc.term'), value: termText(t, doc.startsOn, doc.endsOn) || <DocText text="" /> }]} />
      <DocPart title={t('support.opp.exitTitle')} level={level}>
        <Facts
          stacked
          items={[
            { label: t('support.opp.exitDestination'), value: doc.exitDestination ? exitDestinationLabel(t, doc.exitDestination) : <DocText text="" /> },
            { label: t('support.opp.reasoning'), value: <DocText text={doc.reasoning} /> },
          ]}
        />
      </DocPart>
      <DocPart title={t('support.opp.factorsTitle')} level={level}>
        <div className="sp-two">
          <div>
            <H>{t('support.opp.hindering')}</H>
            <FactorList factors={doc.hinderingFactors} />
          </div>
          <div>
            <H>{t('support.opp.stimulating')}</H>
            <FactorList factors={doc.stimulatingFactors} />
          </div>
        </div>
      </DocPart>
      <TextPart title={t('support.opp.needs')} text={doc.needs} level={level} />
      <TextPart title={t('support.opp.support')} text={doc.support} level={level} />
      <TextPart title={t('support.opp.deviations')} text={doc.deviations} level={level} />
      <DocPart title={t('support.org.title')} level={level}>
        <OrganisationFacts org={doc.organisation} />
      </DocPart>
      <DocPart title={t('support.opp.domainsTitle')} level={level}>
        {doc.domains.length === 0 ? <p className="empty">{t('support.doc.noDomains')}</p> : null}
        {doc.domains.map((d) => {
          const name = needDomainLabel(t, d.domain);
          return (
            <div key={d.key} className="sp-domain-view">
              <H>{name}</H>
              <Facts stacked items={[{ label: t('support.opp.endGoal'), value: <DocText text={d.endGoal} /> }]} />
              <GrowthTable domain={d} caption={t('support.growth.tableCaption', { domain: name })} />
              <p className="plan-label">{t('support.opp.intermediateGoals')}</p>
              <GoalList goals={d.goals} />
            </div>
          );
        })}
      </DocPart>
      <DocPart title={t('support.opp.pupilVoiceTitle')} level={level}>
        {doc.pupilVoice.heard ? (
          <Facts
          stacked
            items={[
              { label: t('support.opp.heardOn'), value: doc.pupilVoice.heardOn ? formatDate(doc.pupilVoice.heardOn) : <DocText text="" /> },
              { label: t('support.opp.pupilVoice'), value: <DocText text={doc.pupilVoice.text} /> },
            ]}
          />
        ) : (
          <Facts stacked items={[{ label: t('support.opp.notHeardReason'), value: <DocText text={doc.pupilVoice.notHeardReason} /> }]} />
        )}
      </DocPart>
      <DocPart title={t('support.opp.involvedTitle')} level={level}>
        {doc.involved.length === 0 ? (
          <p className="empty">{t('support.doc.noInvolved')}</p>
        ) : (
          <ul className="sp-factor-list">
            {doc.involved.map((p, i) => (
              <li key={i}>{[p.name, p.role, p.organisation].filter((s) => s.trim()).join(' — ')}</li>
            ))}
          </ul>
        )}
      </DocPart>
      <TextPart title={t('support.doc.parentAgreements')} text={doc.parentAgreements} level={level} />
    </>
  );
}

/**
 * The content of a plan version, no inputs. `level` is the heading level of the title (2 on a page of its own, 3 or
 * 4 inside a section); the parts use the next level.
 */
export function PlanDocumentView({ doc, title, level = 2 }: { doc: SupportPlanDoc; title: string; level?: Level }) {
  const H = heading(level);
  return (
    <div className="sp-doc">
      <H className="sp-doc-title">{title}</H>
      {doc.kind === 'actionPlan' ? <ActionPlanView doc={doc} level={level + 1} /> : <OppView doc={doc} level={level + 1} />}
    </div>
  );
}

function ResponseLine({ response, scanHref }: { response: ParentResponse; scanHref?: (scanId: number) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge sp-response sp-response-${response.kind}`}>{responseKindLabel(t, response.kind)}</span>{' '}
      {t('support.signature.responseLine', { date: formatDate(response.signedOn), method: responseMethodLabel(t, response.method) })}
      {response.method === 'paper' && response.recordedByName ? <span className="small-line muted">{t('support.signature.recordedBy', { name: response.recordedByName })}</span> : null}
      {response.statement.trim() ? (
        <span className="small-line">
          {t('support.signature.statement')}: <DocText text={response.statement} />
        </span>
      ) : null}
      {response.scanId !== null && scanHref ? (
        <span className="small-line">
          <a href={scanHref(response.scanId)} download>
            {t('support.signature.scan')}
          </a>
        </span>
      ) : null}
    </>
  );
}

/**
 * Where one version stands with the parents: the requirement, per parent with gezag their signing response (or
 * that it is still outstanding), then the zienswijzen (comments). `level` is the heading level of the block.
 */
export function SignatureBlock({
  state,
  responses,
  level = 3,
  scanHref,
}: {
  state: VersionSignatureState;
  responses: ParentResponse[];
  level?: Level;
  /** Link to a paper response's scan (staff only). */
  scanHref?: (scanId: number) => string;
}) {
  const { t } = useTranslation();
  const H = heading(level);
  const comments = responses.filter((r) => r.kind === 'comment').sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const tone = signatureTone(state);
  return (
    <div className="sp-signatures">
      <H>{t('support.signature.title')}</H>
      <p>
        <span className="muted">{requirementLabel(t, state.requirement)}</span>{' '}
        <span className={`badge sp-sign sp-sign-${tone}`}>{signatureSummary(t, state)}</span>
      </p>
      {state.requirement !== 'none' ? (
        state.guardians.length === 0 ? (
          <p className="empty">{t('support.signature.noGuardians')}</p>
        ) : (
          <ul className="sp-sign-list">
            {state.guardians.map((g) => (
              <li key={g.guardianId}>
                <strong>{g.name}</strong>:{' '}
                {g.response ? <ResponseLine response={g.response} scanHref={scanHref} /> : <span className="muted">{t('support.signature.noResponse')}</span>}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {comments.length > 0 ? (
        <>
          <p className="plan-label">{t('support.signature.comments')}</p>
          <ul className="sp-sign-list">
            {comments.map((c) => (
              <li key={c.id}>
                <strong>{c.guardianName}</strong>: <ResponseLine response={c} scanHref={scanHref} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
