import { describe, expect, it } from 'vitest';
import type { ChecklistAnswers } from './model';
import { CHECKLIST_TEMPLATES } from './model';
import { checkAnswers, checklistItemIds, checklistProgress, CHECKLISTS, checklistsFor, emptyAnswers } from './checklists';

describe('CHECKLISTS', () => {
  it('has a template per id with unique item ids', () => {
    for (const id of CHECKLIST_TEMPLATES) {
      expect(CHECKLISTS[id].id).toBe(id);
      const ids = checklistItemIds(id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of CHECKLISTS[id].sections) for (const item of s.items) expect(item.text).toMatch(/\?$/);
    }
  });

  it('kijkwijzer (Bijlage 5): Stap 1 1a–1i, Stap 2 2a–2k, Algemeen Aa–Ad, for overviews', () => {
    const k = CHECKLISTS.kijkwijzer;
    expect(k.appliesTo).toBe('overview');
    expect(k.sections.map((s) => s.items.map((i) => i.id))).toEqual([
      ['1a', '1b', '1c', '1d', '1e', '1f', '1g', '1h', '1i'],
      ['2a', '2b', '2c', '2d', '2e', '2f', '2g', '2h', '2i', '2j', '2k'],
      ['Aa', 'Ab', 'Ac', 'Ad'],
    ]);
    expect(k.sections[0].title).toBe('Stap 1 – Verzamelen en ordenen van leerlinggegevens in groepsoverzicht');
    expect(k.sections[0].items[5].text).toBe('Zijn factoren benoemd die de ontwikkeling zowel belemmeren als bevorderen? Positieve kwaliteiten leerling?');
    expect(k.sections[1].items[1].text).toBe('Zijn hoogbegaafde leerlingen met een leervoorsprong gesignaleerd?');
    expect(k.source).toContain('Bijlage 5');
  });

  it('begrijpwijzer (Bijlage 7a): items a–h, for overviews', () => {
    const b = CHECKLISTS.begrijpwijzer;
    expect(b.appliesTo).toBe('overview');
    expect(checklistItemIds('begrijpwijzer')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(b.sections[0].items[0].text).toBe('Zijn de onderwijsbehoeften benoemd van de leerlingen die bij stap 2 gesignaleerd zijn?');
    expect(b.sections[0].items[7].text).toBe('Hebben de docenten kennis van pedagogische interventies?');
    expect(b.source).toContain('Bijlage 7a');
  });

  it('planwijzer (Bijlage 14): 21 items in 5 sections (5 + 3 + 7 + 4 + 2), for plans', () => {
    const p = CHECKLISTS.planwijzer;
    expect(p.appliesTo).toBe('plan');
    expect(p.sections.map((s) => s.title)).toEqual(['Doelen', 'Inhoud (wat)', 'Aanpak/methodiek', 'Organisatie', 'Evaluatie']);
    expect(p.sections.map((s) => s.items.length)).toEqual([5, 3, 7, 4, 2]);
    expect(checklistItemIds('planwijzer')).toHaveLength(21);
    expect(p.sections[2].items[6]).toEqual({ id: 'aanpak-7', text: 'Worden de leerlingen actief betrokken bij de uitvoering van het groepsplan?' });
    expect(p.source).toContain('Bijlage 14');
  });

  it('checklistsFor gives the templates of a target', () => {
    expect(checklistsFor('overview')).toEqual(['kijkwijzer', 'begrijpwijzer']);
    expect(checklistsFor('plan')).toEqual(['planwijzer']);
  });
});

describe('emptyAnswers', () => {
  it('has no ratings and no agreements, a fresh object each time', () => {
    const a = emptyAnswers();
    expect(a).toEqual({ items: {}, agreements: '' });
    a.items['1a'] = { rating: '+', comment: '' };
    expect(emptyAnswers().items).toEqual({});
  });
});

describe('checkAnswers', () => {
  it('accepts empty and valid answers', () => {
    expect(checkAnswers('kijkwijzer', emptyAnswers())).toEqual([]);
    const ok: ChecklistAnswers = { items: { '1a': { rating: '+', comment: '' }, '2k': { rating: '-', comment: 'bespreken' }, Ad: { rating: null, comment: 'x' } }, agreements: 'Volgende keer 2k' };
    expect(checkAnswers('kijkwijzer', ok)).toEqual([]);
  });

  it('names item ids the template does not have', () => {
    const answers: ChecklistAnswers = { items: { '1a': { rating: '+', comment: '' }, '3a': { rating: '+', comment: '' } }, agreements: '' };
    expect(checkAnswers('kijkwijzer', answers)).toEqual(['Onderdeel ‘3a’ bestaat niet in de kijkwijzer.']);
    expect(checkAnswers('planwijzer', { items: { '1a': { rating: '+', comment: '' } }, agreements: '' })).toEqual([
      'Onderdeel ‘1a’ bestaat niet in de planwijzer.',
    ]);
  });

  it('rejects other ratings, non-text and too long comments and agreements', () => {
    const bad = {
      items: { a: { rating: 'ja', comment: '' }, b: { rating: '+', comment: 5 }, c: { rating: '-', comment: 'x'.repeat(2001) }, d: null },
      agreements: 'y'.repeat(4001),
    } as unknown as ChecklistAnswers;
    expect(checkAnswers('begrijpwijzer', bad)).toEqual([
      'Bij onderdeel a kan alleen + of - gekozen worden.',
      'De opmerking bij onderdeel b moet tekst zijn.',
      'De opmerking bij onderdeel c is langer dan 2000 tekens.',
      'Het antwoord bij onderdeel d ontbreekt.',
      'De afspraken zijn langer dan 4000 tekens.',
    ]);
    expect(checkAnswers('begrijpwijzer', { items: [], agreements: 3 } as unknown as ChecklistAnswers)).toEqual([
      'De antwoorden per onderdeel ontbreken.',
      'De afspraken moeten tekst zijn.',
    ]);
  });
});

describe('checklistProgress', () => {
  it('counts rated items of the template and the minuses, ignoring unknown items and unrated comments', () => {
    const answers: ChecklistAnswers = {
      items: {
        'doelen-1': { rating: '+', comment: '' },
        'doelen-2': { rating: '-', comment: 'meetbaar maken' },
        'evaluatie-2': { rating: '-', comment: '' },
        'aanpak-1': { rating: null, comment: 'nog bespreken' },
        '1a': { rating: '-', comment: '' },
      },
      agreements: '',
    };
    expect(checklistProgress('planwijzer', answers)).toEqual({ answered: 3, total: 21, minus: 2 });
    expect(checklistProgress('kijkwijzer', emptyAnswers())).toEqual({ answered: 0, total: 24, minus: 0 });
    expect(checklistProgress('begrijpwijzer', emptyAnswers()).total).toBe(8);
  });
});
