import { describe, expect, it } from 'vitest';
import { fieldLabel, namesInDoc, pupilNameFindings } from './privacy';
import { actionPlanDoc, goal, oppDoc } from './test-fixtures';

describe('namesInDoc', () => {
  it('finds first and full names in any text field, with the field path', () => {
    const doc = actionPlanDoc({
      problem: 'Sanne en de anderen lezen te langzaam.',
      goals: [goal(), goal({ key: 'g2', what: 'sanne de vries leest 50 woorden per minuut' })],
      organisation: { ...actionPlanDoc().organisation, who: 'juf Ans met Daan' },
    });
    expect(namesInDoc(doc, ['Sanne', 'Sanne de Vries', 'Daan', 'Daan Bakker'])).toEqual([
      { name: 'Sanne', field: 'problem' },
      { name: 'Sanne', field: 'goals.1.what' },
      { name: 'Sanne de Vries', field: 'goals.1.what' },
      { name: 'Daan', field: 'organisation.who' },
    ]);
  });

  it('matches whole words only, case-insensitively', () => {
    const doc = actionPlanDoc({ problem: 'Sanneke en Ansje; de tom-tom werkt. TOM leest.' });
    expect(namesInDoc(doc, ['Sanne', 'Ans'])).toEqual([]);
    expect(namesInDoc(doc, ['Tom']).map((h) => h.field)).toEqual(['problem']);
  });

  it('matches a full name across extra spaces and line breaks, with accents', () => {
    const doc = actionPlanDoc({ needs: 'Zoë   van\nDijk heeft behoefte aan rust', approach: 'zoë werkt mee' });
    expect(namesInDoc(doc, ['Zoë van Dijk', 'Zoë'])).toEqual([
      { name: 'Zoë van Dijk', field: 'needs' },
      { name: 'Zoë', field: 'needs' },
      { name: 'Zoë', field: 'approach' },
    ]);
  });

  it('searches nested OPP fields too', () => {
    const doc = oppDoc({
      hinderingFactors: [{ area: 'home', text: 'Thuis helpt Bram niet mee' }],
      involved: [{ name: 'Bram', role: 'broer', organisation: '' }],
    });
    expect(namesInDoc(doc, ['Bram']).map((h) => h.field)).toEqual(['hinderingFactors.0.text', 'involved.0.name']);
    expect(namesInDoc(oppDoc({ domains: [{ ...oppDoc().domains[0], goals: [goal({ resultNote: 'Bram haalde het' })] }] }), ['Bram'])[0].field).toBe('domains.0.goals.0.resultNote');
  });

  it('does not look in code fields (a pupil named Pro is not the exit destination pro)', () => {
    expect(namesInDoc(oppDoc({ exitDestination: 'pro' }), ['Pro'])).toEqual([]);
  });

  it('ignores empty names, treats regex characters literally and gives nothing without names', () => {
    const doc = actionPlanDoc({ problem: 'a.b leest (Jan)' });
    expect(namesInDoc(doc, [])).toEqual([]);
    expect(namesInDoc(doc, ['', '  '])).toEqual([]);
    expect(namesInDoc(doc, ['a*b'])).toEqual([]);
    expect(namesInDoc(doc, ['Jan'])).toEqual([{ name: 'Jan', field: 'problem' }]);
  });
});

describe('pupilNameFindings', () => {
  it('gives the Dutch finding per hit with the field in words', () => {
    const doc = actionPlanDoc({ goals: [goal({ what: 'Sanne leest vlot 3 teksten' })] });
    expect(pupilNameFindings(doc, ['Sanne'])).toEqual([
      {
        code: 'pupilNameInText',
        message: 'De naam ‘Sanne’ staat in doel 1 (wat); een plan voor meer leerlingen noemt geen namen.',
        field: 'goals.0.what',
      },
    ]);
  });

  it('nothing without names (a plan for one pupil)', () => {
    expect(pupilNameFindings(actionPlanDoc({ problem: 'Sanne' }), [])).toEqual([]);
  });
});

describe('fieldLabel', () => {
  it.each([
    ['problem', 'probleem / hulpvraag'],
    ['organisation.who', 'organisatie (wie)'],
    ['goals.2.measure', 'doel 3 (meting)'],
    ['hinderingFactors.0.text', 'belemmerende factor 1'],
    ['domains.1.goals.0.what', 'domein 2, tussendoel 1 (wat)'],
    ['domains.0.endGoal', 'domein 1 (einddoel)'],
    ['involved.1.name', 'betrokkene 2'],
    ['unknown.path', 'unknown.path'],
  ])('%s → %s', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});
