// The user pool's password policy (Cognito's default), shown before the patient types and
// checked as they type, so the service never has to refuse a password.

const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

export const PASSWORD_RULES = [
  { id: 'length', label: 'At least 12 characters', test: (p) => p.length >= 12 },
  { id: 'upper', label: 'An uppercase letter (A–Z)', test: (p) => /\p{Lu}/u.test(p) },
  { id: 'lower', label: 'A lowercase letter (a–z)', test: (p) => /\p{Ll}/u.test(p) },
  { id: 'digit', label: 'A number (0–9)', test: (p) => /[0-9]/.test(p) },
  { id: 'symbol', label: 'A symbol, such as ! ? # or -', test: (p) => [...p].some((c) => SYMBOLS.includes(c)) },
];

/** The rules `password` does not meet yet (empty when it is fine). */
export function unmetRules(password) {
  const unmet = PASSWORD_RULES.filter((rule) => !rule.test(password));
  if (password !== password.trim() && password.length > 0) {
    unmet.push({ id: 'spaces', label: 'No space at the start or end' });
  }
  return unmet;
}
