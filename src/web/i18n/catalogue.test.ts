// The UI catalogues: Dutch and English must have the same keys, no empty texts, the same placeholders,
// and every key the screens ask for must exist.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, nl } from './catalogue';
import { coreNl } from './core';
import { restNl } from './rest';
import { PERIOD_PATTERNS } from '../../domain/school/periods';
import {
  PUPIL_ACTIONS, ROLES, SCHOOL_ACTIONS, decideBoard, decideGroup, decidePupil, decideSchool,
  type Actor, type GroupRelation, type PupilRelation, type RoleGrant,
} from '../../domain/access/policy';

type Tree = { [k: string]: string | Tree };

/** Every leaf of a catalogue as [dotted path, value]; anything that is neither a string nor an object is kept as is. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (typeof node === 'object' && node !== null ? (node as Tree)[k] : undefined), tree);
}

/** Whether `key` names a text in the Dutch catalogue, directly or as an i18next plural (key_one, key_other, …). */
function hasText(key: string): boolean {
  if (typeof lookup(nl, key) === 'string') return true;
  return ['zero', 'one', 'two', 'few', 'many', 'other'].some((suffix) => typeof lookup(nl, `${key}_${suffix}`) === 'string');
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const nlLeaves = leaves(nl);
const enLeaves = leaves(en);

describe('the two parts loaded at run time', () => {
  it('do not share a top-level key (a part loaded later would overwrite the other)', () => {
    const core = Object.keys(coreNl);
    expect(Object.keys(restNl).filter((k) => core.includes(k))).toEqual([]);
  });

  it('give the login page its texts from the first part, and leave the capabilities to the second', () => {
    expect(Object.keys(coreNl)).toEqual(expect.arrayContaining(['auth', 'errors', 'layout', 'common']));
    expect(Object.keys(coreNl)).not.toEqual(expect.arrayContaining(['support']));
    expect(Object.keys(restNl)).toEqual(expect.arrayContaining(['assessments', 'groupCycle', 'groupPlan', 'support', 'supportPortal']));
  });
});

describe('catalogues nl and en', () => {
  it('have many texts (the test is not looking at an empty object)', () => {
    expect(nlLeaves.length).toBeGreaterThan(200);
  });

  it('have exactly the same key paths', () => {
    const nlKeys = nlLeaves.map(([k]) => k).sort();
    const enKeys = enLeaves.map(([k]) => k).sort();
    expect(enKeys.filter((k) => !nlKeys.includes(k)), 'keys only in en').toEqual([]);
    expect(nlKeys.filter((k) => !enKeys.includes(k)), 'keys only in nl').toEqual([]);
    expect(enKeys).toEqual(nlKeys);
  });

  it('hold only non-empty strings', () => {
    for (const [name, list] of [['nl', nlLeaves], ['en', enLeaves]] as const) {
      const bad = list.filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${name}:${k}`);
      expect(bad, 'empty or non-string texts').toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const enMap = new Map(enLeaves);
    const differ = nlLeaves
      .filter(([k, v]) => typeof v === 'string' && typeof enMap.get(k) === 'string')
      .filter(([k, v]) => placeholders(v as string).join() !== placeholders(enMap.get(k) as string).join())
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('give both plural forms (_one and _other) wherever one is given', () => {
    const keys = new Set(nlLeaves.map(([k]) => k));
    const missing = [...keys]
      .filter((k) => /_(one|other)$/.test(k))
      .map((k) => k.replace(/_(one|other)$/, ''))
      .filter((base) => !keys.has(`${base}_one`) || !keys.has(`${base}_other`));
    expect(missing).toEqual([]);
  });
});

// ---- Keys used by the screens ----

const WEB = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

interface Use {
  file: string;
  key: string;
  dynamic: boolean;
}

/** Calls t('key'), t("key"), t(`key`) and t(`prefix.${x}`) (also i18n.t(...)). */
function keysUsed(file: string): Use[] {
  const src = readFileSync(file, 'utf8');
  const out: Use[] = [];
  for (const m of src.matchAll(/\bt\(\s*(?:'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`)/g)) {
    const template = m[3];
    if (template !== undefined && template.includes('${')) {
      out.push({ file: relative(WEB, file), key: template.slice(0, template.indexOf('${')), dynamic: true });
    } else {
      out.push({ file: relative(WEB, file), key: m[1] ?? m[2] ?? template!, dynamic: false });
    }
  }
  return out;
}

const files = sourceFiles(WEB);
const tsxFiles = files.filter((f) => f.endsWith('.tsx'));
const uses = files.flatMap(keysUsed);

describe('keys used in src/web', () => {
  it('finds the screens and their t() calls', () => {
    expect(tsxFiles.length).toBeGreaterThan(10);
    expect(tsxFiles.flatMap(keysUsed).length).toBeGreaterThan(300);
  });

  it('every literal t() key in a .tsx file exists in the Dutch catalogue', () => {
    const missing = tsxFiles.flatMap(keysUsed).filter((u) => !u.dynamic && !hasText(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('every literal t() key in the other web modules (.ts) exists too', () => {
    const missing = uses.filter((u) => !u.dynamic && !u.file.endsWith('.tsx') && !hasText(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('every t(`prefix.${…}`) key names a group of texts', () => {
    const bad = uses.filter((u) => u.dynamic).filter((u) => {
      if (!u.key.endsWith('.')) return true;
      const node = lookup(nl, u.key.slice(0, -1));
      return typeof node !== 'object' || node === null;
    });
    expect(bad.map((u) => `${u.file}: ${u.key}`)).toEqual([]);
  });

  it('the key checker itself tells a missing key from a present one', () => {
    expect(hasText('common.save')).toBe(true);
    expect(hasText('students.count')).toBe(true); // plural: count_one / count_other
    expect(hasText('common.doesNotExist')).toBe(false);
    expect(hasText('common')).toBe(false); // a group, not a text
    expect(keysUsed(join(WEB, 'shared', 'components.tsx')).length).toBeGreaterThan(0);
  });
});

// ---- Texts for codes the screens look up by name ----

describe('texts for codes', () => {
  const group = (name: string) => lookup(nl, name) as Tree;

  it('name every role', () => {
    expect(ROLES.filter((r) => typeof group('roles')?.[r] !== 'string')).toEqual([]);
  });

  it('name both sectors', () => {
    expect((['po', 'vo'] as const).filter((s) => typeof group('sectors')?.[s] !== 'string')).toEqual([]);
  });

  it('name every period pattern', () => {
    expect(PERIOD_PATTERNS.filter((p) => typeof group('school.patterns')?.[p] !== 'string')).toEqual([]);
  });

  it('name every staff kind', () => {
    expect((['teacher', 'mentor', 'subject_teacher'] as const).filter((k) => typeof group('staffKinds')?.[k] !== 'string')).toEqual([]);
  });

  it('explain every basis and reason the access policy can give, for the audit log', () => {
    // Collect what the policy actually answers over a broad set of actors and relations.
    const bases = new Set<string>();
    const reasons = new Set<string>();
    const note = (d: { allow: true; basis: string } | { allow: false; reason: string }) => (d.allow ? bases.add(d.basis) : reasons.add(d.reason));
    const grants: RoleGrant[][] = [[]];
    for (const role of ROLES) grants.push([{ role, schoolId: 1, boardId: null }], [{ role, schoolId: null, boardId: 1 }]);
    const flags = ['teachesNow', 'taughtLastYear', 'mentorNow', 'mentorLastYear', 'guardianWithAuthority'] as const;
    for (const g of grants) {
      const actor: Actor = { userId: 1, grants: g };
      for (const flag of [...flags, null]) {
        const rel: PupilRelation = {
          pupilId: 1, schoolId: 1, boardId: 1, teachesNow: false, taughtLastYear: false, mentorNow: false, mentorLastYear: false, guardianWithAuthority: false,
          ...(flag ? { [flag]: true } : {}),
        };
        for (const a of PUPIL_ACTIONS) note(decidePupil(actor, a, rel));
      }
      for (const a of SCHOOL_ACTIONS) note(decideSchool(actor, a, 1, 1));
      note(decideBoard(actor, 1));
      for (const staffKinds of [[], ['teacher'], ['mentor'], ['subject_teacher']] as GroupRelation['staffKinds'][]) {
        for (const action of ['group.view', 'group.editCare'] as const) note(decideGroup(actor, action, { schoolId: 1, boardId: 1, staffKinds, current: true, lastYear: false }));
      }
    }
    expect(bases.size).toBeGreaterThan(8);
    expect(reasons.size).toBeGreaterThan(4);
    // The care coordinator's basis is shown with the school's own name for the role (audit/pages.tsx).
    const unnamedBases = [...bases].filter((b) => b !== 'care_coordinator' && typeof group('audit.basis')?.[b] !== 'string');
    const unnamedReasons = [...reasons].filter((r) => typeof group('audit.reasons')?.[r] !== 'string');
    expect(unnamedBases).toEqual([]);
    expect(unnamedReasons).toEqual([]);
  });
});
