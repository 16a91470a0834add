// The earlier versions of a groepsplan: at every tussentijdse bijstelling the previous document is kept with the
// reason. Each one opens read-only (loaded when it is first opened).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, Loading, Section } from '../shared/components';
import { formatDateTime } from '../shared/format';
import type { ApiError } from '../shared/api';
import { isoTimestamp } from './PlanFields';
import { PlanView } from './PlanView';
import { asApiError, planApi, type PlanDetail, type RevisionDetail, type RevisionSummary } from './planApi';

function RevisionItem({ plan, item }: { plan: PlanDetail; item: RevisionSummary }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<RevisionDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  function toggle(open: boolean) {
    if (!open || detail || loading) return;
    setLoading(true);
    setError(null);
    planApi
      .revision(plan.id, item.revision)
      .then(setDetail)
      .catch((err: unknown) => setError(asApiError(err)))
      .finally(() => setLoading(false));
  }

  return (
    <li className="plan-revision">
      <h3 className="plan-revision-head">
        {t('groupPlan.revisions.item', { revision: item.revision })}{item.revision === 1 ? ` ${t('groupPlan.revisions.original')}` : ''}{' '}
        <span className="muted plan-revision-by">{t('groupPlan.revisions.by', { date: formatDateTime(isoTimestamp(item.createdAt)), name: item.createdBy ?? t('groupPlan.view.empty') })}</span>
      </h3>
      <p>
        <span className="plan-label-inline">{t('groupPlan.revisions.reason', { revision: item.revision + 1 })}:</span> {item.reason}
      </p>
      <details onToggle={(e) => toggle((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          {t('groupPlan.revisions.show')}
          <span className="visually-hidden"> ({t('groupPlan.revisions.item', { revision: item.revision })})</span>
        </summary>
        {loading ? <Loading /> : null}
        <FormError error={error} />
        {detail ? <PlanView doc={detail.doc} plan={plan} level={4} /> : null}
      </details>
    </li>
  );
}

export function PlanRevisions({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const items = [...plan.revisions].sort((a, b) => b.revision - a.revision);
  return (
    <Section title={t('groupPlan.revisions.title')} id="plan-revisions-title">
      <p className="muted">{t('groupPlan.revisions.intro')}</p>
      {items.length === 0 ? (
        <p className="empty">{t('groupPlan.revisions.none')}</p>
      ) : (
        <ul className="plain-list plan-revisions">
          {items.map((r) => (
            <RevisionItem key={r.revision} plan={plan} item={r} />
          ))}
        </ul>
      )}
    </Section>
  );
}
