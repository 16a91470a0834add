// One handelingsplan or OPP of a pupil (/leerlingen/:id/plannen/:planId). Tabs: Plan (the editor with SMART hints and
// findings, publishing and the status steps; read-only for readers and closed plans), Versies en handtekeningen
// (published versions with the parents' signatures, PDF, paper signatures), Oudergesprekken, Logboek and — for an
// OPP — Groeilijn (planned growth against the actual results, chart and table).
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanNoteView, PlanView, ParentMeetingView } from '../../domain/support/views';
import type { Instrument } from '../assessments/types';
import { Facts, LoadError, Loading, Page } from '../shared/components';
import { formatDate } from '../shared/format';
import { useApi } from '../shared/hooks';
import type { Items, PupilDetail } from '../shared/types';
import { useUnsavedWarning } from '../group-cycle/common';
import { getPlan } from './api';
import { GrowthChart } from './GrowthChart';
import { planKindLabel, planStatusLabel, signatureSummary, signatureTone, termText } from './labels';
import { MeetingsPanel } from './MeetingsPanel';
import { NotesPanel } from './NotesPanel';
import { PlanActionsPanel } from './PlanActionsPanel';
import { PlanDocumentView } from './PlanDocumentView';
import { FindingsList, PlanEditor } from './PlanEditor';
import { VersionsPanel } from './VersionsPanel';
import '../group-cycle/plan.css';
import './support.css';

type Tab = 'plan' | 'versions' | 'meetings' | 'notes' | 'growth';

function Header({ plan, pupilId }: { plan: PlanView; pupilId: number }) {
  const { t } = useTranslation();
  const latest = plan.versions[0] ?? null;
  const names = plan.pupils.map((p) => p.name).join(', ');
  const others = plan.otherPupils > 0 ? ` ${t('support.plan.header.otherPupils', { count: plan.otherPupils })}` : '';
  const isOpp = plan.kind === 'developmentPerspective';
  return (
    <div className="card sp-plan-header">
      <Facts
        items={[
          { label: t('support.plan.header.kind'), value: planKindLabel(t, plan.kind) },
          { label: plan.pupils.length + plan.otherPupils > 1 ? t('support.plan.header.pupilsMany') : t('support.plan.header.pupils'), value: `${names}${others}` },
          { label: t('support.plan.header.status'), value: <span className={`badge sp-status-${plan.status}`}>{planStatusLabel(t, plan.status)}</span> },
          { label: t('support.plan.header.term'), value: termText(t, plan.doc.startsOn, plan.doc.endsOn) || '—' },
          ...(plan.kind === 'actionPlan' ? [{ label: t('support.plan.header.extensions'), value: plan.extensions > 0 ? t('support.page.extended', { count: plan.extensions }) : t('support.plan.header.notExtended') }] : []),
          {
            label: t('support.plan.header.published'),
            value: latest ? `${t('support.plan.header.publishedValue', { n: latest.number })} (${formatDate(latest.publishedAt)})` : t('support.plan.header.notPublished'),
          },
          ...(latest
            ? [{ label: t('support.plan.header.signatures'), value: <span className={`badge sp-sign sp-sign-${signatureTone(latest.signatures)}`}>{signatureSummary(t, latest.signatures)}</span> }]
            : []),
          ...(plan.groupPlanLink
            ? [{ label: t('support.plan.header.groupPlan'), value: <Link to={`/groepsplannen/${plan.groupPlanLink.planId}`}>{plan.groupPlanLink.label}</Link> }]
            : []),
          ...(isOpp && plan.deadlines.setBy && plan.status === 'draft' ? [{ label: t('support.plan.header.setBy'), value: formatDate(plan.deadlines.setBy) }] : []),
          ...(isOpp && plan.deadlines.lastEvaluatedOn ? [{ label: t('support.plan.header.lastEvaluated'), value: formatDate(plan.deadlines.lastEvaluatedOn) }] : []),
          ...(isOpp && plan.deadlines.nextEvaluationBy && plan.status !== 'closed' ? [{ label: t('support.plan.header.nextEvaluation'), value: formatDate(plan.deadlines.nextEvaluationBy) }] : []),
          { label: t('support.plan.header.createdBy'), value: plan.createdBy.name },
        ]}
      />
      {!plan.can.edit ? <p className="muted">{t('support.plan.header.readOnly')}</p> : plan.status === 'closed' ? <p className="muted">{t('support.plan.header.closed')}</p> : null}
      <p>
        <Link to={`/leerlingen/${pupilId}/ondersteuning`}>{t('support.plan.backToSupport')}</Link>
      </p>
    </div>
  );
}

function Tabs({ tabs, active, onSelect }: { tabs: { key: Tab; label: string }[]; active: Tab; onSelect: (tab: Tab) => void }) {
  const { t } = useTranslation();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKey(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].key);
    refs.current[tabs[next].key]?.focus();
  }
  return (
    <div className="sp-tabs" role="tablist" aria-label={t('support.plan.tabs.label')}>
      {tabs.map((tab, i) => (
        <button
          key={tab.key}
          ref={(el) => {
            refs.current[tab.key] = el;
          }}
          type="button"
          role="tab"
          id={`sp-tab-${tab.key}`}
          aria-selected={active === tab.key}
          aria-controls={`sp-panel-${tab.key}`}
          tabIndex={active === tab.key ? 0 : -1}
          className="sp-tab"
          onClick={() => onSelect(tab.key)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

function Panel({ tab, active, children }: { tab: Tab; active: Tab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`sp-panel-${tab}`} aria-labelledby={`sp-tab-${tab}`} hidden={active !== tab} className="sp-panel">
      {children}
    </div>
  );
}

export function SupportPlanPage() {
  const { t } = useTranslation();
  const { id, planId: planParam } = useParams();
  const pupilId = Number(id);
  const planId = Number(planParam);
  const loaded = useApi<PlanView>(`/api/pupils/${encodeURIComponent(id ?? '')}/plans/${encodeURIComponent(planParam ?? '')}`);
  const { setData } = loaded;
  const plan = loaded.data;
  const editable = !!plan && plan.can.edit && plan.status !== 'closed';
  const pupil = useApi<PupilDetail>(plan && editable ? `/api/pupils/${pupilId}` : null);
  const schoolId = pupil.data?.school.id ?? null;
  const instrumentsLoaded = useApi<Items<Instrument>>(schoolId !== null ? `/api/schools/${schoolId}/instruments` : null);
  const instruments = useMemo(() => (instrumentsLoaded.data?.items ?? []).filter((i) => i.active), [instrumentsLoaded.data]);
  const [tab, setTab] = useState<Tab>('plan');
  const [dirty, setDirty] = useState(false);
  const [epoch, setEpoch] = useState(0);
  useUnsavedWarning(dirty);

  const refresh = useCallback(() => {
    getPlan(pupilId, planId).then(setData, () => undefined);
  }, [pupilId, planId, setData]);

  /** Drops the unsaved changes and shows the plan as saved now (after a conflict). */
  const discard = useCallback(() => {
    getPlan(pupilId, planId).then(
      (fresh) => {
        setData(fresh);
        setDirty(false);
        setEpoch((n) => n + 1);
      },
      () => window.location.reload(),
    );
  }, [pupilId, planId, setData]);

  if (loaded.error && !plan) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!plan || plan.id !== planId) return <Loading />;

  const pupilName = plan.pupils.find((p) => p.id === pupilId)?.name ?? '';
  const isOpp = plan.kind === 'developmentPerspective';
  const tabs: { key: Tab; label: string }[] = [
    { key: 'plan', label: t('support.plan.tabs.plan') },
    ...(isOpp ? [{ key: 'growth' as const, label: t('support.plan.tabs.growth') }] : []),
    { key: 'versions', label: `${t('support.plan.tabs.versions')} (${plan.versions.length})` },
    { key: 'meetings', label: `${t('support.plan.tabs.meetings')} (${plan.meetings.length})` },
    { key: 'notes', label: `${t('support.plan.tabs.notes')} (${plan.notes.length})` },
  ];

  return (
    <Page title={plan.title} intro={<p className="muted">{[planKindLabel(t, plan.kind), pupilName].filter(Boolean).join(' · ')}</p>}>
      <Header plan={plan} pupilId={pupilId} />
      <Tabs tabs={tabs} active={tab} onSelect={setTab} />

      <Panel tab="plan" active={tab}>
        {plan.can.edit && plan.status !== 'closed' ? <PlanActionsPanel pupilId={pupilId} plan={plan} unsaved={dirty} onChanged={setData} /> : null}
        {editable ? (
          <PlanEditor key={`editor-${epoch}`} pupilId={pupilId} plan={plan} instruments={instruments} onSaved={setData} onDiscard={discard} onDirty={setDirty} />
        ) : (
          <>
            <section className="card" aria-labelledby="sp-readonly-title">
              <h2 id="sp-readonly-title" className="visually-hidden">
                {t('support.plan.tabs.plan')}
              </h2>
              <PlanDocumentView doc={plan.doc} title={plan.title} level={3} />
            </section>
            {plan.status !== 'closed' ? <FindingsList findings={plan.findings} stale={false} /> : null}
          </>
        )}
      </Panel>

      {isOpp && plan.doc.kind === 'developmentPerspective' ? (
        <Panel tab="growth" active={tab}>
          <section className="card" aria-labelledby="sp-growth-title">
            <h2 id="sp-growth-title">{t('support.plan.tabs.growth')}</h2>
            <p className="muted">{t('support.growth.tabIntro')}</p>
            {plan.doc.domains.length === 0 ? <p className="empty">{t('support.growth.noDomains')}</p> : null}
            {plan.doc.domains.map((d) => (
              <GrowthChart key={d.key} domain={d} actuals={plan.actuals[d.key] ?? []} />
            ))}
          </section>
        </Panel>
      ) : null}

      <Panel tab="versions" active={tab}>
        <VersionsPanel pupilId={pupilId} plan={plan} onChanged={refresh} />
      </Panel>

      <Panel tab="meetings" active={tab}>
        <MeetingsPanel pupilId={pupilId} plan={plan} canEdit={plan.can.edit} onChanged={(meetings: ParentMeetingView[]) => setData({ ...plan, meetings })} />
      </Panel>

      <Panel tab="notes" active={tab}>
        <NotesPanel pupilId={pupilId} plan={plan} canAdd={plan.can.edit} onAdded={(note: PlanNoteView) => setData({ ...plan, notes: [note, ...plan.notes.filter((n) => n.id !== note.id)] })} />
      </Panel>
    </Page>
  );
}
