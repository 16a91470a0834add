import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareText, comparePupils, formatDate, formatDateTime, formatGrades, fullName, surnameSortKey } from './format';

const tzBefore = process.env.TZ;
function inTimeZone(tz: string) {
  beforeEach(() => {
    process.env.TZ = tz;
  });
  afterEach(() => {
    if (tzBefore === undefined) delete process.env.TZ;
    else process.env.TZ = tzBefore;
  });
}

describe('formatDate', () => {
  inTimeZone('Europe/Amsterdam');

  it('writes a date the Dutch way: 24-11-2026', () => {
    expect(formatDate('2026-11-24', 'nl')).toBe('24-11-2026');
  });

  it('pads day and month with a zero', () => {
    expect(formatDate('2026-03-05', 'nl')).toBe('05-03-2026');
  });

  it('is Dutch when no language is given and none is set up', () => {
    expect(formatDate('2026-11-24')).toBe('24-11-2026');
  });

  it('writes English dates day first with slashes', () => {
    expect(formatDate('2026-11-24', 'en')).toBe('24/11/2026');
    expect(formatDate('2026-11-24', 'en-US')).toBe('24/11/2026');
  });

  it('gives an empty string for no value', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('returns a value it cannot read unchanged', () => {
    expect(formatDate('binnenkort', 'nl')).toBe('binnenkort');
  });

  it('formats 29 February and the last day of the year', () => {
    expect(formatDate('2028-02-29', 'nl')).toBe('29-02-2028');
    expect(formatDate('2026-12-31', 'nl')).toBe('31-12-2026');
  });

  it('formats a timestamp by its local date', () => {
    // 23:30 UTC is already the next day in Amsterdam.
    expect(formatDate('2026-11-24T23:30:00Z', 'nl')).toBe('25-11-2026');
  });
});

describe('formatDate far from UTC', () => {
  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
    describe(tz, () => {
      inTimeZone(tz);
      it('keeps a date-only value on its own day', () => {
        expect(formatDate('2026-11-24', 'nl')).toBe('24-11-2026');
        expect(formatDate('2026-01-01', 'nl')).toBe('01-01-2026');
      });
    });
  }
});

describe('formatDateTime', () => {
  inTimeZone('Europe/Amsterdam');

  it('shows date and time in the local time zone (winter time, UTC+1)', () => {
    expect(formatDateTime('2026-11-24T13:05:00Z', 'nl')).toBe('24-11-2026 14:05');
  });

  it('shows summer time (UTC+2)', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'nl')).toBe('01-07-2026 14:00');
  });

  it('uses a 24-hour clock in English too', () => {
    expect(formatDateTime('2026-11-24T13:05:00Z', 'en')).toBe('24/11/2026 14:05');
  });

  it('takes the date after midnight local time', () => {
    expect(formatDateTime('2026-11-24T23:30:00Z', 'nl')).toBe('25-11-2026 00:30');
  });

  it('gives an empty string for no value and the value itself when unreadable', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('onbekend')).toBe('onbekend');
  });
});

describe('names', () => {
  it('fullName joins first and last name', () => {
    expect(fullName({ firstName: 'Anna', lastName: 'de Vries' })).toBe('Anna de Vries');
    expect(fullName({ firstName: '', lastName: 'de Vries' })).toBe('de Vries');
    expect(fullName({ firstName: 'Anna', lastName: '' })).toBe('Anna');
  });

  it.each([
    ['de Vries', 'Vries'],
    ['van der Berg', 'Berg'],
    ['Van Dijk', 'Dijk'],
    ["van 't Hof", 'Hof'],
    ['ter Horst', 'Horst'],
    ['van den Heuvel', 'Heuvel'],
    ['Jansen', 'Jansen'],
    ['Dekker', 'Dekker'], // "De" without a space is part of the name
    ['Vries', 'Vries'],
  ])('surnameSortKey(%j) = %j', (name, key) => {
    expect(surnameSortKey(name)).toBe(key);
  });

  it('sorts pupils by surname without prefixes, then by first name', () => {
    const pupils = [
      { firstName: 'Sem', lastName: 'Zwart' },
      { firstName: 'Anna', lastName: 'de Vries' },
      { firstName: 'Bram', lastName: 'Bakker' },
      { firstName: 'Daan', lastName: 'van Dijk' },
      { firstName: 'Aya', lastName: 'Vries' },
    ];
    expect([...pupils].sort(comparePupils).map(fullName)).toEqual(['Bram Bakker', 'Daan van Dijk', 'Anna de Vries', 'Aya Vries', 'Sem Zwart']);
  });

  it('compares text the Dutch way: case and accents aside, numbers by value', () => {
    expect(compareText('groep 9', 'groep 10')).toBeLessThan(0);
    expect(compareText('Özil', 'ozil')).toBe(0);
    expect(compareText('bakker', 'Zwart')).toBeLessThan(0);
  });
});

describe('formatGrades', () => {
  it('writes a combination group as 4/5, lowest first, without changing its input', () => {
    const grades = [5, 4];
    expect(formatGrades(grades)).toBe('4/5');
    expect(grades).toEqual([5, 4]);
    expect(formatGrades([8])).toBe('8');
    expect(formatGrades([3, 1, 2])).toBe('1/2/3');
  });
});
