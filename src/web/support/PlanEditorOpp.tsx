// The fields of an ontwikkelingsperspectiefplan (standards §1.2 legal core, seed 002 §3.6, seed 000): term, exit
// destination with its reasoning, hindering and stimulating factors, needs, the handelingsdeel (support), deviations
// from the programme, organisation, per development area the end goal, planned growth line and intermediate goals,
// the pupil's voice (hoorrecht), the people involved and agreements with parents.
import { useTranslation } from 'react-i18next';
import { emptyGoal } from '../../domain/group-cycle/blank';
import { DOMAINS } from '../../domain/assessments/instruments';
import { EXIT_DESTINATIONS, type DevelopmentPerspectiveDoc, type ExitDestination, type Goal, type NeedDomain, type OppDomain } from '../../domain/support/model';
import type { Instrument } from '../assessments/types';
import { compareText } from '../shared/format';
import { SelectField, TextAreaField, TextField } from '../shared/components';
import { needDomainLabel } from '../group-cycle/common';
import { NEED_DOMAINS } from '../group-cycle/GoalInputs';
import { exitDestinationLabel } from './labels';
import { FactorsEditor, freshKey, GoalFields, GrowthEditor, InvolvedEditor, OrganisationFields, smartPeriod } from './PlanEditorFields';

function DomainEditor({
  domain,
  index,
  instruments,
  period,
  usedGoalKeys,
  onChange,
  onRemove,
}: {
  domain: OppDomain;
  index: number;
  instruments: Instrument[];
  period: { periodStartsOn: string; periodEndsOn: string };
  usedGoalKeys: string[];
  onChange: (d: OppDomain) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof OppDomain>(key: K, value: OppDomain[K]) => onChange({ ...domain, [key]: value });
  const name = needDomainLabel(t, domain.domain);
  const legend = `${t('support.plan.opp.domainLegend', { n: index + 1 })} — ${name}`;
  const base = `opp-d-${domain.key}`;
  const sorted = [...instruments].sort((a, b) => compareText(a.name, b.name));

  function addGoal() {
    const key = freshKey('g', usedGoalKeys);
    set('goals', [...domain.goals, emptyGoal(key, domain.domain, null)]);
    setTimeout(() => document.getElementById(`sgoal-${key}-what`)?.focus(), 0);
  }

  return (
    <fieldset className="sp-domain-editor">
      <legend id={`${base}-legend`} tabIndex={-1}>
        {legend}
      </legend>
      <div className="plan-four">
        <SelectField label={t('support.goal.domain')} value={domain.domain} onChange={(v) => set('domain', v as NeedDomain)} id={`${base}-domain`}>
          {NEED_DOMAINS.map((d) => (
            <option key={d} value={d}>
              {needDomainLabel(t, d)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('support.plan.opp.measure')} value={domain.measure} onChange={(v) => set('measure', v as OppDomain['measure'])} id={`${base}-measure`}>
          <option value="dle">{t('support.plan.opp.measures.dle')}</option>
          <option value="abilityScore">{t('support.plan.opp.measures.abilityScore')}</option>
        </SelectField>
        <SelectField
          label={t('support.plan.opp.instrument')}
          value={domain.instrumentId === null ? '' : String(domain.instrumentId)}
          onChange={(v) => set('instrumentId', v ? Number(v) : null)}
          id={`${base}-instrument`}
          fieldClassName="span-2"
        >
          <option value="">{t('support.goal.noInstrument')}</option>
          {sorted.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t('support.opp.endGoal')} value={domain.endGoal} onChange={(v) => set('endGoal', v)} rows={2} id={`${base}-end`} maxLength={4000} />
      <GrowthEditor points={domain.growth} onChange={(g) => set('growth', g)} idBase={`${base}-growth`} context={legend} />
      <h4 className="plan-subhead">{t('support.opp.intermediateGoals')}</h4>
      {domain.goals.length === 0 ? <p className="empty">{t('support.doc.noGoals')}</p> : null}
      {domain.goals.map((g, i) => (
        <GoalFields
          key={g.key}
          goal={g}
          index={i}
          context={name}
          instruments={instruments}
          period={period}
          onChange={(goal: Goal) => set('goals', domain.goals.map((x, j) => (j === i ? goal : x)))}
          onRemove={() => {
            set('goals', domain.goals.filter((_, j) => j !== i));
            document.getElementById(`${base}-legend`)?.focus();
          }}
        />
      ))}
      <div className="form-actions">
        <button type="button" className="button secondary small" onClick={addGoal}>
          {t('support.goal.add')}
          <span className="visually-hidden"> — {legend}</span>
        </button>
        <button type="button" className="button ghost small" onClick={onRemove}>
          {t('support.plan.opp.removeDomain')}
          <span className="visually-hidden"> {legend}</span>
        </button>
      </div>
    </fieldset>
  );
}

export function OppFields({
  doc,
  onChange,
  instruments,
}: {
  doc: DevelopmentPerspectiveDoc;
  onChange: (doc: DevelopmentPerspectiveDoc) => void;
  instruments: Instrument[];
}) {
  const { t } = useTranslation();
  const set = <K extends keyof DevelopmentPerspectiveDoc>(key: K, value: DevelopmentPerspectiveDoc[K]) => onChange({ ...doc, [key]: value });
  const period = smartPeriod(doc.startsOn, doc.endsOn);
  const allGoalKeys = doc.domains.flatMap((d) => d.goals.map((g) => g.key));
  const voice = doc.pupilVoice;

  function addDomain() {
    const key = freshKey('d', doc.domains.map((d) => d.key));
    const used = new Set(doc.domains.map((d) => d.domain));
    // A growth line is usually about a subject with test results: those come first.
    const domain = [...DOMAINS, ...NEED_DOMAINS].find((d) => !used.has(d)) ?? 'other';
    set('domains', [...doc.domains, { key, domain, endGoal: '', measure: 'dle', instrumentId: null, growth: [], goals: [] }]);
    setTimeout(() => document.getElementById(`opp-d-${key}-domain`)?.focus(), 0);
  }

  return (
    <>
      <section className="card" aria-labelledby="opp-basics-title">
        <h3 id="opp-basics-title">{t('support.plan.editor.dates')}</h3>
        <div className="plan-four">
          <TextField label={t('support.plan.editor.startsOn')} type="date" value={doc.startsOn ?? ''} onChange={(v) => set('startsOn', v || null)} id="opp-starts" />
          <TextField label={t('support.plan.editor.endsOnOpp')} type="date" value={doc.endsOn ?? ''} onChange={(v) => set('endsOn', v || null)} id="opp-ends" />
        </div>
      </section>

      <section className="card" aria-labelledby="opp-exit-title">
        <h3 id="opp-exit-title">{t('support.opp.exitTitle')}</h3>
        <SelectField
          label={t('support.opp.exitDestination')}
          value={doc.exitDestination ?? ''}
          onChange={(v) => set('exitDestination', (v || null) as ExitDestination | null)}
          id="opp-exit"
        >
          <option value="">{t('support.opp.noExit')}</option>
          {EXIT_DESTINATIONS.map((d) => (
            <option key={d} value={d}>
              {exitDestinationLabel(t, d)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('support.opp.reasoning')} value={doc.reasoning} onChange={(v) => set('reasoning', v)} rows={4} id="opp-reasoning" maxLength={4000} />
      </section>

      <section className="card" aria-labelledby="opp-factors-title">
        <h3 id="opp-factors-title">{t('support.opp.factorsTitle')}</h3>
        <FactorsEditor
          title={t('support.opp.hindering')}
          addLabel={t('support.plan.opp.addHindering')}
          factors={doc.hinderingFactors}
          onChange={(f) => set('hinderingFactors', f)}
          idBase="opp-hindering"
        />
        <FactorsEditor
          title={t('support.opp.stimulating')}
          addLabel={t('support.plan.opp.addStimulating')}
          factors={doc.stimulatingFactors}
          onChange={(f) => set('stimulatingFactors', f)}
          idBase="opp-stimulating"
        />
      </section>

      <section className="card" aria-labelledby="opp-support-title">
        <h3 id="opp-support-title">{t('support.opp.supportSectionTitle')}</h3>
        <TextAreaField label={t('support.opp.needs')} value={doc.needs} onChange={(v) => set('needs', v)} rows={4} id="opp-needs" maxLength={4000} />
        <TextAreaField label={t('support.opp.support')} value={doc.support} onChange={(v) => set('support', v)} rows={4} id="opp-support" maxLength={4000} />
        <TextAreaField label={t('support.opp.deviations')} value={doc.deviations} onChange={(v) => set('deviations', v)} rows={3} id="opp-deviations" maxLength={4000} />
        <OrganisationFields org={doc.organisation} onChange={(o) => set('organisation', o)} idBase="opp-org" />
      </section>

      <section className="card" aria-labelledby="opp-domains-title">
        <h3 id="opp-domains-title" tabIndex={-1}>
          {t('support.opp.domainsTitle')}
        </h3>
        {doc.domains.length === 0 ? <p className="empty">{t('support.doc.noDomains')}</p> : null}
        {doc.domains.map((d, i) => (
          <DomainEditor
            key={d.key}
            domain={d}
            index={i}
            instruments={instruments}
            period={period}
            usedGoalKeys={allGoalKeys}
            onChange={(next) => set('domains', doc.domains.map((x, j) => (j === i ? next : x)))}
            onRemove={() => {
              set('domains', doc.domains.filter((_, j) => j !== i));
              document.getElementById('opp-domains-title')?.focus();
            }}
          />
        ))}
        <button type="button" className="button secondary small" onClick={addDomain}>
          {t('support.plan.opp.addDomain')}
        </button>
      </section>

      <section className="card" aria-labelledby="opp-voice-title">
        <h3 id="opp-voice-title">{t('support.opp.pupilVoiceTitle')}</h3>
        <fieldset className="sp-fieldset sp-radios">
          <legend>{t('support.plan.opp.heard')}</legend>
          <div className="field field-check">
            <input type="radio" id="opp-heard-yes" name="opp-heard" checked={voice.heard} onChange={() => set('pupilVoice', { ...voice, heard: true })} />
            <label htmlFor="opp-heard-yes">{t('support.plan.opp.heardYes')}</label>
          </div>
          <div className="field field-check">
            <input type="radio" id="opp-heard-no" name="opp-heard" checked={!voice.heard} onChange={() => set('pupilVoice', { ...voice, heard: false })} />
            <label htmlFor="opp-heard-no">{t('support.plan.opp.heardNo')}</label>
          </div>
        </fieldset>
        {voice.heard ? (
          <>
            <TextField label={t('support.opp.heardOn')} type="date" value={voice.heardOn ?? ''} onChange={(v) => set('pupilVoice', { ...voice, heardOn: v || null })} id="opp-heard-on" />
            <TextAreaField label={t('support.opp.pupilVoice')} value={voice.text} onChange={(v) => set('pupilVoice', { ...voice, text: v })} rows={3} id="opp-voice" maxLength={4000} />
          </>
        ) : (
          <TextAreaField
            label={t('support.opp.notHeardReason')}
            value={voice.notHeardReason}
            onChange={(v) => set('pupilVoice', { ...voice, notHeardReason: v })}
            rows={2}
            id="opp-not-heard"
            maxLength={2000}
          />
        )}
      </section>

      <section className="card" aria-labelledby="opp-involved-title">
        <h3 id="opp-involved-title">{t('support.plan.opp.involvedAndAgreements')}</h3>
        <InvolvedEditor people={doc.involved} onChange={(p) => set('involved', p)} />
        <TextAreaField label={t('support.doc.parentAgreements')} value={doc.parentAgreements} onChange={(v) => set('parentAgreements', v)} rows={2} id="opp-parents" maxLength={4000} />
      </section>
    </>
  );
}
