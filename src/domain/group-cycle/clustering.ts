// Clustering (stap 4): pupils with similar needs are grouped into instruction groups (subgroepjes) for the groepsplan.
import type { ClusterDef, PlanFormat } from './model';

export interface ClusterProblem {
  level: 'error' | 'warning';
  code: 'unknownCluster' | 'duplicatePupil' | 'unassigned' | 'tooManyClusters';
  message: string;
  pupilIds?: number[];
}

function pupils(n: number): string {
  return n === 1 ? '1 leerling' : `${n} leerlingen`;
}

/**
 * Checks a clustering of an overview's pupils (seed 003 ch. 4.4; Bijlage 10/11):
 * - a cluster key the school does not have → error `unknownCluster` (one per key, with its pupils);
 * - a pupil assigned twice → error `duplicatePupil`;
 * - divergent differentiation (Bijlage 11: no basisaanbod, every pupil works in a subgroup) with pupils without a
 *   cluster → warning `unassigned`;
 * - more than three clusters in use → warning `tooManyClusters` (Bijlage 10 Organisatie: "De praktijk leert dat de
 *   meeste docenten maximaal twee tot drie subgroepjes extra instructie en begeleiding kunnen bieden").
 * Warnings never block saving.
 */
export function checkClustering(
  format: PlanFormat,
  clusters: readonly ClusterDef[],
  assignments: readonly { pupilId: number; cluster: string | null }[],
): ClusterProblem[] {
  const problems: ClusterProblem[] = [];
  const known = new Set(clusters.map((c) => c.key));
  const unknown = new Map<string, number[]>();
  const seen = new Set<number>();
  const duplicates: number[] = [];
  const unassigned: number[] = [];
  const inUse = new Set<string>();
  for (const { pupilId, cluster } of assignments) {
    if (seen.has(pupilId)) {
      if (!duplicates.includes(pupilId)) duplicates.push(pupilId);
      continue;
    }
    seen.add(pupilId);
    if (cluster === null || cluster === '') unassigned.push(pupilId);
    else if (!known.has(cluster)) unknown.set(cluster, [...(unknown.get(cluster) ?? []), pupilId]);
    else inUse.add(cluster);
  }
  for (const [key, ids] of unknown) {
    problems.push({
      level: 'error',
      code: 'unknownCluster',
      message: `De instructiegroep ‘${key}’ bestaat niet op deze school (${pupils(ids.length)}). Kies een van de instructiegroepen van de school.`,
      pupilIds: ids,
    });
  }
  if (duplicates.length > 0) {
    problems.push({
      level: 'error',
      code: 'duplicatePupil',
      message: `${duplicates.length === 1 ? 'Een leerling staat' : `${duplicates.length} leerlingen staan`} meer dan één keer in de indeling.`,
      pupilIds: duplicates,
    });
  }
  if (format === 'divergent' && unassigned.length > 0) {
    problems.push({
      level: 'warning',
      code: 'unassigned',
      message: `Bij divergente differentiatie werkt elke leerling in een subgroep, maar ${pupils(unassigned.length)} ${unassigned.length === 1 ? 'heeft' : 'hebben'} nog geen instructiegroep.`,
      pupilIds: unassigned,
    });
  }
  if (inUse.size > 3) {
    problems.push({
      level: 'warning',
      code: 'tooManyClusters',
      message: `Er zijn ${inUse.size} instructiegroepen in gebruik. De meeste leerkrachten kunnen maximaal twee tot drie subgroepjes extra instructie en begeleiding geven.`,
    });
  }
  return problems;
}

/**
 * A first clustering from the live signals (seed 003 ch. 4.2/4.4, convergent differentiation: extended instruction
 * for pupils who lag behind, more challenge for pupils well ahead): a pupil with a concern signal goes to the first
 * cluster (most support), one with only enrichment signals to the last, and one without signals to the middle cluster
 * when the school has three or more (else no cluster). Concern wins over enrichment. The teacher changes it freely.
 */
export function suggestClusters(
  clusters: readonly ClusterDef[],
  pupilsWithSignals: readonly { pupilId: number; signals: readonly { tone: 'concern' | 'enrichment' }[] }[],
): Map<number, string | null> {
  const out = new Map<number, string | null>();
  const first = clusters.length > 0 ? clusters[0].key : null;
  const last = clusters.length > 0 ? clusters[clusters.length - 1].key : null;
  const middle = clusters.length >= 3 ? clusters[Math.floor((clusters.length - 1) / 2)].key : null;
  for (const { pupilId, signals } of pupilsWithSignals) {
    if (signals.some((s) => s.tone === 'concern')) out.set(pupilId, first);
    else if (signals.some((s) => s.tone === 'enrichment')) out.set(pupilId, last);
    else out.set(pupilId, middle);
  }
  return out;
}
