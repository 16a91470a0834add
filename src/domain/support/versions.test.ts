import { describe, expect, it } from 'vitest';
import { defaultSupportSettings } from './settings';
import { actionPlanDoc, oppDoc, response } from './test-fixtures';
import { allowedResponses, canonicalJson, checkResponse, signatureRequirement, signatureState, versionPayload } from './versions';

describe('canonicalJson', () => {
  it('sorts object keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('keeps array order (goal order is content)', () => {
    expect(canonicalJson([2, 1])).toBe('[2,1]');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('gives the same text for the same content in another key order', () => {
    const doc = actionPlanDoc();
    const shuffled = Object.fromEntries(Object.entries(doc).reverse());
    expect(canonicalJson(shuffled)).toBe(canonicalJson(doc));
  });

  it('writes scalars as JSON and leaves undefined properties out', () => {
    expect(canonicalJson({ a: undefined, b: null, c: true, d: 'é"\n', e: 1.5 })).toBe('{"b":null,"c":true,"d":"é\\"\\n","e":1.5}');
    expect(canonicalJson([undefined, NaN])).toBe('[null,null]');
    expect(canonicalJson('x')).toBe('"x"');
  });

  it('is parseable JSON equal to the input', () => {
    const doc = oppDoc();
    expect(JSON.parse(canonicalJson(doc))).toEqual(doc);
  });

  it('changes when any text of the document changes (the hash binds the version)', () => {
    const a = canonicalJson(versionPayload('HP lezen', actionPlanDoc()));
    expect(canonicalJson(versionPayload('HP lezen', actionPlanDoc({ problem: 'Anders.' })))).not.toBe(a);
    expect(canonicalJson(versionPayload('HP lezen ', actionPlanDoc()))).not.toBe(a);
  });
});

describe('versionPayload', () => {
  it('is exactly title and doc', () => {
    const doc = actionPlanDoc();
    expect(versionPayload('T', doc)).toEqual({ title: 'T', doc });
    expect(Object.keys(versionPayload('T', doc)).sort()).toEqual(['doc', 'title']);
  });
});

describe('signatureRequirement and allowedResponses', () => {
  it('asks instemming for an OPP, whatever the school setting', () => {
    const s = defaultSupportSettings('po');
    expect(signatureRequirement('developmentPerspective', s)).toBe('consent');
    expect(signatureRequirement('developmentPerspective', { ...s, actionPlan: { ...s.actionPlan, signature: 'none' } })).toBe('consent');
  });

  it('asks akkoord for a handelingsplan only when the school does', () => {
    const s = defaultSupportSettings('po');
    expect(signatureRequirement('actionPlan', s)).toBe('agreement');
    expect(signatureRequirement('actionPlan', { ...s, actionPlan: { ...s.actionPlan, signature: 'none' } })).toBe('none');
  });

  it('offers the responses that fit', () => {
    expect(allowedResponses('consent')).toEqual(['consent', 'refuse', 'comment']);
    expect(allowedResponses('agreement')).toEqual(['agree', 'disagree', 'comment']);
    expect(allowedResponses('none')).toEqual(['comment']);
  });
});

describe('checkResponse', () => {
  it('accepts instemming without a statement and akkoord without a statement', () => {
    expect(checkResponse('consent', { kind: 'consent', statement: '' })).toBeNull();
    expect(checkResponse('agreement', { kind: 'agree', statement: '' })).toBeNull();
  });

  it.each([
    ['consent', 'agree'],
    ['consent', 'disagree'],
    ['agreement', 'consent'],
    ['agreement', 'refuse'],
    ['none', 'agree'],
    ['none', 'consent'],
  ] as const)('refuses %s ← %s', (req, kind) => {
    expect(checkResponse(req, { kind, statement: 'Een toelichting' })).toMatch(/./);
  });

  it('requires a zienswijze of at least 3 characters with refuse, disagree and comment', () => {
    expect(checkResponse('consent', { kind: 'refuse', statement: '  ab ' })).toContain('zienswijze');
    expect(checkResponse('agreement', { kind: 'disagree', statement: '' })).toContain('zienswijze');
    expect(checkResponse('none', { kind: 'comment', statement: 'ok' })).toContain('zienswijze');
    expect(checkResponse('consent', { kind: 'refuse', statement: 'Nee.' })).toBeNull();
    expect(checkResponse('none', { kind: 'comment', statement: 'abc' })).toBeNull();
  });

  it('allows at most 4000 characters', () => {
    expect(checkResponse('agreement', { kind: 'comment', statement: 'a'.repeat(4000) })).toBeNull();
    expect(checkResponse('agreement', { kind: 'agree', statement: 'a'.repeat(4001) })).toContain('4000');
  });
});

describe('signatureState', () => {
  const mother = { id: 1, name: 'Moeder', hasAuthority: true };
  const father = { id: 2, name: 'Vader', hasAuthority: true };
  const stepfather = { id: 3, name: 'Stiefvader', hasAuthority: false };

  it('nothing signed: every gezag guardian outstanding, not complete', () => {
    const s = signatureState('consent', [mother, father], []);
    expect(s).toEqual({
      requirement: 'consent',
      guardians: [
        { guardianId: 1, name: 'Moeder', response: null, outstanding: true },
        { guardianId: 2, name: 'Vader', response: null, outstanding: true },
      ],
      complete: false,
      objected: false,
    });
  });

  it('one parent signing does not sign for the other', () => {
    const s = signatureState('consent', [mother, father], [response({ id: 1, guardianId: 1, kind: 'consent' })]);
    expect(s.complete).toBe(false);
    expect(s.guardians.map((g) => g.outstanding)).toEqual([false, true]);
    expect(s.guardians[0].response?.kind).toBe('consent');
  });

  it('complete when every gezag guardian consented', () => {
    const s = signatureState('consent', [mother, father], [
      response({ id: 1, guardianId: 1, kind: 'consent' }),
      response({ id: 2, guardianId: 2, kind: 'consent' }),
    ]);
    expect(s.complete).toBe(true);
    expect(s.objected).toBe(false);
    expect(s.guardians.every((g) => !g.outstanding)).toBe(true);
  });

  it('a guardian without gezag is not listed and does not count', () => {
    const onlyStep = signatureState('consent', [mother, stepfather], [response({ id: 1, guardianId: 3, kind: 'consent' })]);
    expect(onlyStep.guardians.map((g) => g.guardianId)).toEqual([1]);
    expect(onlyStep.complete).toBe(false);
    const withMother = signatureState('consent', [mother, stepfather], [
      response({ id: 1, guardianId: 3, kind: 'refuse', statement: 'Nee' }),
      response({ id: 2, guardianId: 1, kind: 'consent' }),
    ]);
    expect(withMother.complete).toBe(true);
    expect(withMother.objected).toBe(false);
  });

  it('is never complete without any gezag guardian when a signature is asked', () => {
    expect(signatureState('consent', [stepfather], []).complete).toBe(false);
    expect(signatureState('agreement', [], []).complete).toBe(false);
  });

  it('a comment is not a signature', () => {
    const s = signatureState('agreement', [mother], [response({ id: 1, guardianId: 1, kind: 'comment', statement: 'Vraag' })]);
    expect(s.guardians[0]).toMatchObject({ response: null, outstanding: true });
    expect(s.complete).toBe(false);
  });

  it('a refusal or disagreement objects and is not complete', () => {
    const refused = signatureState('consent', [mother, father], [
      response({ id: 1, guardianId: 1, kind: 'consent' }),
      response({ id: 2, guardianId: 2, kind: 'refuse', statement: 'Niet eens' }),
    ]);
    expect(refused.objected).toBe(true);
    expect(refused.complete).toBe(false);
    expect(refused.guardians.every((g) => !g.outstanding)).toBe(true);
    const disagreed = signatureState('agreement', [mother], [response({ id: 1, guardianId: 1, kind: 'disagree', statement: 'Nee' })]);
    expect(disagreed.objected).toBe(true);
  });

  it('the latest signing response per guardian counts', () => {
    const s = signatureState('agreement', [mother], [
      response({ id: 2, guardianId: 1, kind: 'agree', recordedAt: '2026-11-21T09:00:00Z' }),
      response({ id: 1, guardianId: 1, kind: 'disagree', statement: 'Eerst niet', recordedAt: '2026-11-20T09:00:00Z' }),
      response({ id: 3, guardianId: 1, kind: 'comment', statement: 'Later nog een vraag', recordedAt: '2026-11-22T09:00:00Z' }),
    ]);
    expect(s.guardians[0].response?.id).toBe(2);
    expect(s.complete).toBe(true);
    expect(s.objected).toBe(false);
  });

  it('a positive answer of the wrong kind does not complete the version', () => {
    const s = signatureState('consent', [mother], [response({ id: 1, guardianId: 1, kind: 'agree' })]);
    expect(s.complete).toBe(false);
  });

  it('requirement none: complete and nobody outstanding', () => {
    const s = signatureState('none', [mother, father], []);
    expect(s.complete).toBe(true);
    expect(s.guardians.every((g) => !g.outstanding)).toBe(true);
  });

  it('a signature on another version is not passed in: v2 with only v2 responses is outstanding again', () => {
    const all = [
      response({ id: 1, guardianId: 1, kind: 'consent', versionNumber: 1 }),
      response({ id: 2, guardianId: 2, kind: 'consent', versionNumber: 1 }),
    ];
    const v1 = signatureState('consent', [mother, father], all.filter((r) => r.versionNumber === 1));
    const v2 = signatureState('consent', [mother, father], all.filter((r) => r.versionNumber === 2));
    expect(v1.complete).toBe(true);
    expect(v2.complete).toBe(false);
    expect(v2.guardians.map((g) => g.outstanding)).toEqual([true, true]);
  });
});
