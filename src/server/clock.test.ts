import { describe, expect, it } from 'vitest';
import { dutchDateOf, systemClock } from './clock';

describe('the server clock', () => {
  it('says today as the Netherlands does: after midnight Dutch time it is already the next day, in winter and in summer', () => {
    expect(dutchDateOf(new Date('2026-11-24T22:59:00Z'))).toBe('2026-11-24'); // 23:59 CET
    expect(dutchDateOf(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25'); // 00:30 CET, UTC still says the 24th
    expect(dutchDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01'); // 23:59 CEST
    expect(dutchDateOf(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // 00:30 CEST
  });

  it('keeps a fixed day when one is given (KOERS_TODAY)', () => {
    expect(systemClock('2026-11-24').today()).toBe('2026-11-24');
    expect(systemClock().today()).toBe(dutchDateOf(new Date()));
  });
});
