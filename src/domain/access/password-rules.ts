/** Password rules (NCSC/NIST style: length over composition). Returns a problem code or null. */
export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_login';

export function checkNewPassword(password: string, login: string): PasswordProblem | null {
  if (password.length < 10) return 'too_short';
  if (password.length > 200) return 'too_long';
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) return 'same_as_login';
  return null;
}

export const PASSWORD_PROBLEM_NL: Record<PasswordProblem, string> = {
  too_short: 'Kies een wachtwoord van minstens 10 tekens.',
  too_long: 'Kies een wachtwoord van hoogstens 200 tekens.',
  same_as_login: 'Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam.',
};
