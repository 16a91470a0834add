// The plans the school shares with a child's parents (/leerlingen/:id/gedeelde-plannen): what waits for my response
// first, then every published plan with its latest version and where the signatures stand. Only published versions
// reach this page (never the working text or the school's notes).
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublishedPlanSummary } from '../../domain/support/views';
import { useApi } from '../shared/hooks';
import { Empty, idParam, LoadError, Loading, NotFoundPage, Page, Section, TableWrap } from '../shared/components';
import { formatDate } from '../shared/format';
import { supportPaths, type PublishedPlansView } from './api';
import { planKindLabel, planStatusLabel, signatureSummary, signatureTone } from './labels';
import './support.css';
import './portal.css';

function SignatureBadge({ plan }: { plan: PublishedPlanSummary }) {
  const { t } = useTranslation();
  return <span className={`badge sp-sign sp-sign-${signatureTone(plan.signatures)}`}>{signatureSummary(t, plan.signatures)}</span>;
}

export function ParentPlansPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const pupilId = idParam(id) ?? 0;
  const res = useApi<PublishedPlansView>(pupilId > 0 ? supportPaths.publishedPlans(pupilId) : null);

  if (pupilId === 0) {
    return <NotFoundPage />;
  }
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const { pupil, plans } = res.data;
  const waiting = plans.filter((p) => p.waitingForMe);
  const planHref = (p: PublishedPlanSummary) => `/leerlingen/${pupil.id}/gedeelde-plannen/${p.id}`;

  return (
    <Page
      title={t('supportPortal.plans.title', { name: pupil.name })}
      intro={<p>{t('supportPortal.plans.intro')}</p>}
      actions={
        <Link to={`/leerlingen/${pupil.id}`} className="button secondary">
          {t('supportPortal.plans.backToPupil', { name: pupil.name })}
        </Link>
      }
    >
      {waiting.length > 0 ? (
        <Section title={t('supportPortal.plans.waitingTitle', { count: waiting.length })}>
          <p>{t('supportPortal.plans.waitingIntro')}</p>
          <ul className="link-cards spp-waiting">
            {waiting.map((p) => (
              <li key={p.id}>
                <Link to={planHref(p)}>
                  {p.title}
                  <span className="visually-hidden"> — {t('supportPortal.plans.readAndRespond')}</span>
                </Link>
                <span className="muted">
                  {planKindLabel(t, p.kind)} · {t('supportPortal.plans.versionShared', { n: p.latestVersion, date: formatDate(p.publishedAt) })}
                </span>
                <span className="spp-waiting-ask">{p.signatures.requirement === 'consent' ? t('supportPortal.plans.askConsent') : t('supportPortal.plans.askAgreement')}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t('supportPortal.plans.allTitle')}>
        {plans.length === 0 ? (
          <Empty>{t('supportPortal.plans.none')}</Empty>
        ) : (
          <TableWrap>
            <table className="spp-parent-table">
              <caption className="visually-hidden">{t('supportPortal.plans.tableCaption', { name: pupil.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supportPortal.plans.plan')}</th>
                  <th scope="col">{t('supportPortal.plans.kind')}</th>
                  <th scope="col">{t('supportPortal.plans.status')}</th>
                  <th scope="col">{t('supportPortal.plans.latestVersion')}</th>
                  <th scope="col">{t('supportPortal.plans.signatures')}</th>
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={planHref(p)}>{p.title}</Link>
                      {p.waitingForMe ? <span className="small-line spp-waiting-ask">{t('supportPortal.plans.waitsForYou')}</span> : null}
                    </th>
                    <td>{planKindLabel(t, p.kind)}</td>
                    <td>{planStatusLabel(t, p.status)}</td>
                    <td>{t('supportPortal.plans.versionShared', { n: p.latestVersion, date: formatDate(p.publishedAt) })}</td>
                    <td>
                      <SignatureBadge plan={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
    </Page>
  );
}
