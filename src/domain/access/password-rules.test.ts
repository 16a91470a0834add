import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkNewPassword, PASSWORD_PROBLEM_NL, type PasswordProblem } from './password-rules';

describe('checkNewPassword', () => {
  it.each([
    { what: 'empty', password: '', problem: 'too_short' },
    { what: '9 characters', password: 'a'.repeat(9), problem: 'too_short' },
    { what: '10 characters (the minimum)', password: 'a'.repeat(10), problem: null },
    { what: '200 characters (the maximum)', password: 'a'.repeat(200), problem: null },
    { what: '201 characters', password: 'a'.repeat(201), problem: 'too_long' },
    { what: 'a long passphrase without digits or capitals', password: 'paard batterij nietje correct', problem: null },
    { what: 'only lower-case letters', password: 'abcdefghijkl', problem: null },
  ] as { what: string; password: string; problem: PasswordProblem | null }[])('$what → $problem', ({ password, problem }) => {
    expect(checkNewPassword(password, 'j.jansen')).toBe(problem);
  });

  it('refuses the login name as password, ignoring case and surrounding spaces', () => {
    expect(checkNewPassword('jan.jansen01', 'jan.jansen01')).toBe('same_as_login');
    expect(checkNewPassword('Jan.Jansen01', 'jan.jansen01')).toBe('same_as_login');
    expect(checkNewPassword('  jan.jansen01 ', 'JAN.JANSEN01')).toBe('same_as_login');
    expect(checkNewPassword('jan.jansen01', '  jan.jansen01')).toBe('same_as_login');
  });

  it('allows a password that merely contains the login name', () => {
    expect(checkNewPassword('jan.jansen01!', 'jan.jansen01')).toBeNull();
    expect(checkNewPassword('mijn jan.jansen01', 'jan.jansen01')).toBeNull();
  });

  it('reports length before sameness: a short login used as password is too short', () => {
    expect(checkNewPassword('kort', 'kort')).toBe('too_short');
  });

  it('never refuses any password of 10–200 characters that differs from the login', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 10, maxLength: 200, unit: 'grapheme-ascii' }), (pw) => {
        const login = 'login-' + pw.length;
        fc.pre(pw.trim().toLowerCase() !== login);
        expect(checkNewPassword(pw, login)).toBeNull();
      }),
    );
  });

  it('has a Dutch message for every problem', () => {
    const problems: PasswordProblem[] = ['too_short', 'too_long', 'same_as_login'];
    expect(Object.keys(PASSWORD_PROBLEM_NL).sort()).toEqual([...problems].sort());
    expect(PASSWORD_PROBLEM_NL.too_short).toContain('10');
    expect(PASSWORD_PROBLEM_NL.too_long).toContain('200');
    for (const p of problems) expect(PASSWORD_PROBLEM_NL[p].trim().length).toBeGreaterThan(10);
  });
});
