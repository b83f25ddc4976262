// What went wrong, in words for a worried patient on a phone. The service's own error text is
// never shown: it is written for developers and can change without notice. A page that loaded a
// dictionary (the patient portal) gets the words in its language (`errors.kind.<kind>`); the
// English here is the fallback for pages without one (the console).

import { has, t } from './i18n.js';

/** An error the portal can show: `kind` for code, `message` for people, `field` if one is at fault. */
export class PortalError extends Error {
  constructor(kind, message, field = null) {
    super(message);
    this.name = 'PortalError';
    this.kind = kind;
    this.field = field;
  }
}

const MESSAGES = {
  'wrong-credentials': ['That email and password don’t match an account. Check them and try again.', 'password'],
  'account-exists': ['There is already an account with this email. Sign in instead, or use another email.', 'email'],
  'weak-password': ['Please choose a stronger password: see the list under the password box.', 'password'],
  'wrong-code': ['That code isn’t right. Check the 6 digits in the email we sent and try again.', 'code'],
  'expired-code': ['That code has expired. Ask for a new one below and use the newest email.', 'code'],
  'already-confirmed': ['Your email is already confirmed. You can sign in now.', null],
  'not-confirmed': ['Please confirm your email first. Enter the 6-digit code we sent you.', null],
  'no-account': ['We couldn’t find an account with this email.', 'email'],
  'too-many-attempts': ['Too many tries in a short time. Please wait a few minutes, then try again.', null],
  'sign-in-locked': ['Too many wrong passwords for this account. To protect it, signing in is paused for a few minutes. Please wait, then try again with the right password.', null],
  'invalid-input': ['Something in the form isn’t quite right. Please check each box and try again.', null],
  'session-expired': ['For your security you were signed out. Please sign in again.', null],
  network: ['We couldn’t reach the clinic’s service. Check your internet connection and try again.', null],
  unexpected: ['Something went wrong on our side. Please try again in a moment.', null],
  unavailable: ['The clinic’s service is briefly unavailable. Please try again in a minute.', null],
  'clinic-busy': ['The clinic’s service is very busy right now. Please wait a minute, then try again.', null],
  forbidden: ['You don’t have access to this. If you think you should, contact your clinic.', null],
  'not-found': ['We couldn’t find what you were looking for.', null],
  conflict: ['This was changed a moment ago. Please reload the page and try again.', null],
  'too-large': ['That is too large to send. Please try a smaller file.', null],
  'clinic-closed': ['This clinic is not taking new patients at the moment. Please contact the clinic.', null],
  'clinic-unknown': ['This clinic’s portal can’t take sign-ups. Please check the address the clinic gave you.', null],
  'not-linked': ['Your email is confirmed, but we couldn’t link your account to the clinic. Please contact the clinic.', null],
};

/** A PortalError of a known kind with its standard wording, in the page's language. */
export function portalError(kind) {
  const known = MESSAGES[kind] ? kind : 'unexpected';
  const [english, field] = MESSAGES[known];
  return new PortalError(known, messageOf(known, english), field);
}

function messageOf(kind, english) {
  const key = `errors.kind.${kind}`;
  return has(key) ? t(key) : english;
}

/**
 * The kind of a Cognito error answer. `operation` matters: NotAuthorizedException means a wrong
 * password at sign-in, an ended session at refresh, and "already confirmed" at confirmation.
 */
export function identityErrorKind(operation, type, message = '') {
  switch (type) {
    case 'NotAuthorizedException':
      if (operation === 'InitiateAuth:REFRESH_TOKEN_AUTH') return 'session-expired';
      if (operation === 'ConfirmSignUp' || operation === 'ResendConfirmationCode') {
        return 'already-confirmed';
      }
      // Cognito's lockout after repeated wrong passwords: "Password attempts exceeded".
      if (/attempts exceeded/i.test(message)) return 'sign-in-locked';
      return 'wrong-credentials';
    case 'UserNotFoundException':
      // Sign-in must not tell strangers which emails have accounts.
      return operation.startsWith('InitiateAuth') ? 'wrong-credentials' : 'no-account';
    case 'UsernameExistsException':
      return 'account-exists';
    case 'InvalidPasswordException':
      return 'weak-password';
    case 'CodeMismatchException':
      return 'wrong-code';
    case 'ExpiredCodeException':
      return 'expired-code';
    case 'UserNotConfirmedException':
      return 'not-confirmed';
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
    case 'LimitExceededException':
    case 'CodeDeliveryFailureException':
      return 'too-many-attempts';
    case 'UserLambdaValidationException':
      // The pool's triggers (functions tenants.PatientSignUpGuard / PatientEnrolment).
      if (/not taking new patients/i.test(message)) return 'clinic-closed';
      if (operation === 'ConfirmSignUp') return 'not-linked';
      if (/no clinic|clinic id|needs the clinic/i.test(message)) return 'clinic-unknown';
      return 'invalid-input';
    case 'InvalidParameterException':
      if (operation === 'ResendConfirmationCode' && /already confirmed/i.test(message)) {
        return 'already-confirmed';
      }
      return 'invalid-input';
    default:
      return 'unexpected';
  }
}

/** Anything thrown, as something safe to show. */
export function asPortalError(error) {
  if (error instanceof PortalError) return error;
  if (error instanceof TypeError) return portalError('network'); // fetch's way of saying offline
  return portalError('unexpected');
}
