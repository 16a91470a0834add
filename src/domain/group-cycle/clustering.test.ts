import { describe, expect, it } from 'vitest';
import { checkClustering, suggestClusters } from './clustering';

const three = [
  { key: 'intensief', label: 'Intensief' },
  { key: 'basis', label: 'Basis' },
  { key: 'verrijkt', label: 'Verrijkt' },
];

describe('checkClustering', () => {
  it('finds nothing in a valid convergent clustering with pupils in the basisaanbod', () => {
    expect(checkClustering('convergent', three, [
      { pupilId: 1, cluster: 'intensief' },
      { pupilId: 2, cluster: null },
      { pupilId: 3, cluster: 'verrijkt' },
    ])).toEqual([]);
  });

  it('an unknown cluster key is an error naming its pupils, one per key', () => {
    const problems = checkClustering('convergent', three, [
      { pupilId: 1, cluster: 'zon' },
      { pupilId: 2, cluster: 'zon' },
      { pupilId: 3, cluster: 'maan' },
      { pupilId: 4, cluster: 'basis' },
    ]);
    expect(problems.map((p) => [p.level, p.code, p.pupilIds])).toEqual([
      ['error', 'unknownCluster', [1, 2]],
      ['error', 'unknownCluster', [3]],
    ]);
    expect(problems[0].message).toContain('‘zon’');
    expect(problems[0].message).toContain('2 leerlingen');
    expect(problems[1].message).toContain('1 leerling)');
  });

  it('a pupil assigned twice is an error', () => {
    const problems = checkClustering('convergent', three, [
      { pupilId: 1, cluster: 'basis' },
      { pupilId: 1, cluster: 'intensief' },
    ]);
    expect(problems).toEqual([{ level: 'error', code: 'duplicatePupil', message: 'Een leerling staat meer dan één keer in de indeling.', pupilIds: [1] }]);
  });

  it('divergent: warns about every pupil without a cluster', () => {
    const problems = checkClustering('divergent', three, [
      { pupilId: 1, cluster: 'intensief' },
      { pupilId: 2, cluster: null },
      { pupilId: 5, cluster: null },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'warning', code: 'unassigned', pupilIds: [2, 5] });
    expect(problems[0].message).toContain('divergente differentiatie');
    expect(problems[0].message).toContain('2 leerlingen hebben nog geen instructiegroep');
  });

  it('divergent: one unassigned pupil is named in the singular', () => {
    const [p] = checkClustering('divergent', three, [{ pupilId: 9, cluster: null }]);
    expect(p.message).toContain('1 leerling heeft nog geen instructiegroep');
  });

  it.each(['convergent', 'crossSubject', 'theme'] as const)('%s: pupils without a cluster follow the basisaanbod, no warning', (format) => {
    expect(checkClustering(format, three, [{ pupilId: 2, cluster: null }])).toEqual([]);
  });

  it('warns when more than three clusters are in use, not for three', () => {
    const five = [...three, { key: 'extra', label: 'Extra' }, { key: 'plus', label: 'Plus' }];
    const four = ['intensief', 'basis', 'verrijkt', 'extra'].map((cluster, i) => ({ pupilId: i + 1, cluster }));
    const problems = checkClustering('divergent', five, four);
    expect(problems).toEqual([{
      level: 'warning',
      code: 'tooManyClusters',
      message: 'Er zijn 4 instructiegroepen in gebruik. De meeste leerkrachten kunnen maximaal twee tot drie subgroepjes extra instructie en begeleiding geven.',
    }]);
    expect(checkClustering('divergent', five, four.slice(0, 3))).toEqual([]);
  });

  it('counts clusters in use, not clusters defined', () => {
    const five = [...three, { key: 'extra', label: 'Extra' }, { key: 'plus', label: 'Plus' }];
    expect(checkClustering('convergent', five, [{ pupilId: 1, cluster: 'plus' }, { pupilId: 2, cluster: 'plus' }])).toEqual([]);
  });
});

describe('suggestClusters', () => {
  const pupils = [
    { pupilId: 1, signals: [{ tone: 'concern' as const }] },
    { pupilId: 2, signals: [{ tone: 'enrichment' as const }] },
    { pupilId: 3, signals: [] },
    { pupilId: 4, signals: [{ tone: 'enrichment' as const }, { tone: 'concern' as const }] },
  ];

  it('concern → first cluster, enrichment → last, neither → the middle one; concern wins', () => {
    expect([...suggestClusters(three, pupils)]).toEqual([[1, 'intensief'], [2, 'verrijkt'], [3, 'basis'], [4, 'intensief']]);
  });

  it('with two clusters a pupil without signals gets none', () => {
    const two = [{ key: 'weer', label: 'Weer' }, { key: 'meer', label: 'Meer' }];
    expect([...suggestClusters(two, pupils)]).toEqual([[1, 'weer'], [2, 'meer'], [3, null], [4, 'weer']]);
  });

  it('with five clusters the middle is the third', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, label: key }));
    expect(suggestClusters(five, [{ pupilId: 3, signals: [] }]).get(3)).toBe('c');
  });

  it('without clusters nobody gets one', () => {
    expect([...suggestClusters([], pupils).values()]).toEqual([null, null, null, null]);
  });
});
