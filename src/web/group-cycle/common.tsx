// Shared parts of the group-cycle screens (overview side): labels for codes, a text area field, the unsaved-changes
// guard and the conflict message.
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18n, { type TFunction } from 'i18next';
import type { NeedDomain, OverviewForm, OverviewStatus, PlanStatus, SignalReason } from '../../domain/group-cycle/model';
import { Alert } from '../shared/components';
import { codeText, domainLabel } from '../assessments/util';
import type { Signal } from '../assessments/types';
import './group-cycle.css';

/** "Vakoverstijgend" or "Vakspecifiek — Rekenen-wiskunde". */
export function formLabel(t: TFunction, form: OverviewForm, subject: string | null): string {
  const name = t(`groupCycle.forms.${form}`);
  return form === 'subject' && subject ? `${name} — ${domainLabel(t, subject)}` : name;
}

export function needDomainLabel(t: TFunction, domain: NeedDomain): string {
  const key = `groupCycle.needDomains.${domain}`;
  return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : domainLabel(t, domain);
}

export function signalReasonLabel(t: TFunction, reason: SignalReason): string {
  return t(`groupCycle.signalReasons.${reason}`);
}

/** The text of a signal from the school's rules (the catalogue's wording, else the server's Dutch message). */
export function signalMessage(t: TFunction, s: Pick<Signal, 'reason'> & { message?: string }): string {
  return codeText(t, 'signalReasons', s.reason.code, s.reason.params, s.message ?? s.reason.code);
}

export function OverviewStatusBadge({ status }: { status: OverviewStatus }) {
  const { t } = useTranslation();
  return <span className={`badge gc-status gc-status-${status}`}>{t(`groupCycle.overviewStatus.${status}`)}</span>;
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <span className={`badge gc-status gc-plan-${status}`}>{t(`groupCycle.planStatus.${status}`)}</span>;
}



/**
 * Warns before unsaved changes are lost: the browser's own question when the tab is closed or reloaded, and a
 * confirm when the user follows a link inside Koers.
 */
export function useUnsavedWarning(dirty: boolean) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('groupCycle.unsavedLeave'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
}

/** "Someone else changed this": nothing was saved; reload to see their version. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert kind="error" title={t('groupCycle.conflictTitle')}>
      <p>{t('groupCycle.conflict')}</p>
      <button type="button" className="button secondary" onClick={onReload}>
        {t('groupCycle.reload')}
      </button>
    </Alert>
  );
}

export { TextAreaField } from '../shared/components';
