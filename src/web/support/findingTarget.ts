// Where a plan finding points in the editor: the id of the control for its field path ('goals.2.what', 'endsOn',
// 'domains.0.growth'), so the findings list can move the focus there. Ids are the ones the editor components use.
import type { SupportPlanDoc } from '../../domain/support/model';

const GOAL_FIELDS: Record<string, string> = { what: 'what', measure: 'measure', target: 'target', dueOn: 'due', instrumentId: 'instrument', domain: 'domain' };
const ORG_FIELDS: Record<string, string> = { who: 'who', where: 'where', place: 'place', minutesPerWeek: 'minutes', when: 'when', frequency: 'frequency' };

function goalTarget(key: string, rest: string[]): string {
  return `sgoal-${key}-${GOAL_FIELDS[rest[0] ?? ''] ?? 'what'}`;
}

/** The element id for a finding's field in the editor of `doc`, or null when the field has no control of its own. */
export function findingTarget(doc: SupportPlanDoc, field: string | undefined): string | null {
  if (!field) return null;
  const [head, ...rest] = field.split('.');
  if (doc.kind === 'actionPlan') {
    const simple: Record<string, string> = {
      startsOn: 'hp-starts', endsOn: 'hp-ends', format: 'hp-format', subject: 'hp-subject', problem: 'hp-problem', expectation: 'hp-expectation',
      needs: 'hp-needs', content: 'hp-content', approach: 'hp-approach', parentAgreements: 'hp-parents',
    };
    if (simple[head]) return simple[head];
    if (head === 'evaluation') return rest[0] === 'decision' ? 'hp-decision' : 'hp-eval-summary';
    if (head === 'evaluationPlan') return rest[0] === 'who' ? 'hp-eval-who' : 'hp-eval-how';
    if (head === 'organisation') return `hp-org-${ORG_FIELDS[rest[0] ?? ''] ?? 'who'}`;
    if (head === 'goals') {
      const goal = doc.goals[Number(rest[0])];
      if (!goal) return 'hp-goals-title';
      return rest[1] === 'result' || rest[1] === 'resultNote' ? `hp-result-${goal.key}` : goalTarget(goal.key, rest.slice(1));
    }
    return null;
  }
  const simple: Record<string, string> = {
    startsOn: 'opp-starts', endsOn: 'opp-ends', exitDestination: 'opp-exit', reasoning: 'opp-reasoning', needs: 'opp-needs', support: 'opp-support',
    deviations: 'opp-deviations', parentAgreements: 'opp-parents', hinderingFactors: 'opp-hindering-add', stimulatingFactors: 'opp-stimulating-add',
    involved: 'sp-involved-add',
  };
  if (simple[head]) {
    if ((head === 'hinderingFactors' || head === 'stimulatingFactors') && rest.length > 0) return `opp-${head === 'hinderingFactors' ? 'hindering' : 'stimulating'}-${rest[0]}-text`;
    return simple[head];
  }
  if (head === 'pupilVoice') return rest[0] === 'notHeardReason' ? 'opp-not-heard' : rest[0] === 'heardOn' ? 'opp-heard-on' : rest[0] === 'text' ? 'opp-voice' : 'opp-heard-yes';
  if (head === 'organisation') return `opp-org-${ORG_FIELDS[rest[0] ?? ''] ?? 'who'}`;
  if (head === 'domains') {
    const domain = doc.domains[Number(rest[0])];
    if (!domain) return 'opp-domains-title';
    const base = `opp-d-${domain.key}`;
    if (rest[1] === 'growth') return `${base}-growth-add`;
    if (rest[1] === 'endGoal') return `${base}-end`;
    if (rest[1] === 'goals') {
      const goal = domain.goals[Number(rest[2])];
      return goal ? goalTarget(goal.key, rest.slice(3)) : `${base}-legend`;
    }
    if (rest[1] === 'instrumentId') return `${base}-instrument`;
    if (rest[1] === 'measure') return `${base}-measure`;
    return `${base}-domain`;
  }
  return null;
}
