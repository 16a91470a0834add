import { describe, expect, it } from 'vitest';
import { composeNeeds, HULPZIN_CATEGORIES, HULPZIN_IDS, HULPZIN_STEM, HULPZINNEN_SOURCE, hulpzinText, isHulpzinId } from './hulpzinnen';

describe('HULPZIN_CATEGORIES', () => {
  it('holds exactly the 62 phrases of Bijlage 7b: 10 + 10 + 9 + 6 + 6 + 7 + 14', () => {
    expect(HULPZIN_CATEGORIES.map((c) => c.phrases.length)).toEqual([10, 10, 9, 6, 6, 7, 14]);
    expect(HULPZIN_IDS).toHaveLength(62);
  });

  it('has the seven frames of the handbook, each ending in "die"', () => {
    expect(HULPZIN_CATEGORIES.map((c) => c.frame)).toEqual([
      'een instructie nodig die',
      'opdrachten nodig die',
      '(leer)activiteiten nodig die',
      'feedback nodig die',
      'groepsleden nodig die',
      'een leeromgeving nodig die',
      'docenten nodig die',
    ]);
    expect(HULPZIN_STEM).toBe('Om dit doel te bereiken heeft deze leerling');
  });

  it('numbers ids per category from 1, all unique', () => {
    expect(HULPZIN_CATEGORIES[0].phrases[0]).toEqual({ id: 'instructie-1', text: 'kort en duidelijk is' });
    expect(HULPZIN_CATEGORIES[6].phrases[13].id).toBe('docenten-14');
    for (const c of HULPZIN_CATEGORIES) c.phrases.forEach((p, i) => expect(p.id).toBe(`${c.id}-${i + 1}`));
    expect(new Set(HULPZIN_IDS).size).toBe(62);
    expect(new Set(HULPZIN_CATEGORIES.flatMap((c) => c.phrases.map((p) => p.text))).size).toBe(62);
  });

  it('keeps the handbook wording where it has no pronoun', () => {
    expect(hulpzinText('instructie-3')).toBe('de oplossingsstrategie stapje voor stapje aangeeft');
    expect(hulpzinText('opdrachten-8')).toBe('met een specifiek ICT-hulpmiddel op de laptop uitgevoerd kunnen worden');
    expect(hulpzinText('activiteiten-9')).toBe('op een rustige werkplek plaatsvinden');
    expect(hulpzinText('feedback-4')).toBe('diens inzet/inspanning beloont (en niet alleen naar het resultaat kijkt)');
    expect(hulpzinText('leeromgeving-4')).toBe('duidelijke regels en routines hanteert');
    expect(hulpzinText('docenten-3')).toBe('verlengde instructie bieden');
  });

  it('is gender-neutral: no hij/hem, no possessive zijn', () => {
    for (const c of HULPZIN_CATEGORIES) {
      for (const p of c.phrases) {
        expect(p.text).not.toMatch(/\b(hij|hem|haar|zijn (werk|niveau|leefwereld|belangstelling|denkhandelingen|leerplezier|oplossingsstrategie|taakaanpak|inzet|gedrag|sterke|leerproces))\b/i);
      }
    }
    expect(hulpzinText('instructie-4')).toBe('de sterke visuele kant van de leerling benut');
    expect(hulpzinText('opdrachten-1')).toBe('net op of onder diens niveau liggen, zodat de leerling succeservaringen kan opdoen');
  });

  it('credits the source, Clijsen et al. 2011 after Pameijer, Van Beukering & De Lange 2009', () => {
    expect(HULPZINNEN_SOURCE).toContain('Clijsen');
    expect(HULPZINNEN_SOURCE).toContain('2011');
    expect(HULPZINNEN_SOURCE).toContain('Pameijer');
    expect(HULPZINNEN_SOURCE).toContain('(2009)');
  });
});

describe('isHulpzinId / hulpzinText', () => {
  it('knows exactly the 62 ids', () => {
    expect(isHulpzinId('feedback-6')).toBe(true);
    expect(isHulpzinId('feedback-7')).toBe(false);
    expect(isHulpzinId('instructie-0')).toBe(false);
    expect(isHulpzinId(3)).toBe(false);
    expect(hulpzinText('onbekend-1')).toBeNull();
  });
});

describe('composeNeeds', () => {
  it('makes one line per category: frame + phrases joined with "en"', () => {
    expect(composeNeeds(['instructie-1', 'instructie-3'])).toBe(
      'een instructie nodig die kort en duidelijk is en de oplossingsstrategie stapje voor stapje aangeeft.',
    );
  });

  it('uses commas before the last "en" with three phrases or more', () => {
    expect(composeNeeds(['feedback-1', 'feedback-3', 'feedback-5'])).toBe(
      'feedback nodig die direct aangeeft of diens oplossingsstrategie juist is, consequent en direct op het gewenste gedrag volgt en succeservaringen benadrukt.',
    );
  });

  it('orders categories and phrases as the handbook does, lines ending ";" and the last "."', () => {
    expect(composeNeeds(['docenten-3', 'instructie-5', 'instructie-1'])).toBe(
      'een instructie nodig die kort en duidelijk is en vooral auditief is;\ndocenten nodig die verlengde instructie bieden.',
    );
  });

  it('ignores unknown and repeated ids, and gives "" for none', () => {
    expect(composeNeeds(['leeromgeving-6', 'leeromgeving-6', 'x-1'])).toBe('een leeromgeving nodig die de leerling een rustig werkklimaat biedt.');
    expect(composeNeeds([])).toBe('');
    expect(composeNeeds(['x-1'])).toBe('');
  });

  it('reads as a sentence after the stem', () => {
    expect(`${HULPZIN_STEM} ${composeNeeds(['groepsleden-1'])}`).toBe('Om dit doel te bereiken heeft deze leerling groepsleden nodig die met de leerling willen samenwerken.');
  });
});
