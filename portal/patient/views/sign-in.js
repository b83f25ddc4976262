import { h } from '/shared/dom.js';
import { signInView as sharedSignInView } from '/shared/sign-in.js';
import { t } from '/shared/i18n.js';
import { finishSignIn } from './session.js';
import { closedNotice, takesNewPatients } from '../clinic.js';

/**
 * The clinic's front door: sign in (the shared form, in the patient portal's words), or find the
 * way to an account. An account whose email is not confirmed yet gets a fresh code instead.
 */
export function signInView(app, flash) {
  return sharedSignInView(app, flash, {
    words: {
      page: t('account.signIn.title'), title: t('account.signIn.title'),
      lead: t('account.signIn.lead', { clinic: app.clinic.displayName }),
      email: t('account.email'), password: t('account.password'),
      submit: t('account.signIn.submit'), busy: t('account.signIn.busy'),
      emailInvalid: t('account.signIn.emailInvalid'), passwordMissing: t('account.signIn.passwordMissing'),
      passwordWrong: t('account.signIn.checkPassword'),
    },
    signIn: async (address, password) => {
      await app.identity.signIn(address, password);
      await finishSignIn(app);
    },
    refused: async (error, address, password) => {
      if (error.kind !== 'not-confirmed') return false;
      await sendNewCode(app, address, password);
      return true;
    },
    asides: [
      takesNewPatients(app.clinic)
        ? h('p', { class: 'aside' }, t('account.signIn.newHere'), ' ',
          h('a', { href: app.href('create-account'), 'data-route': 'create-account', id: 'create-account-link' }, t('account.signIn.createLink')))
        : closedNotice(app.clinic, 'clinic.closed.signUpText'),
      h('p', { class: 'aside' }, t('account.signIn.gotCode'), ' ',
        h('a', { href: app.href('confirm'), 'data-route': 'confirm' }, t('account.signIn.confirmLink'))),
    ],
  });
}

/** An unconfirmed account signing in: send a fresh code and take them to enter it. */
async function sendNewCode(app, email, password) {
  app.pendingSignUp = { email, password };
  let text = t('account.signIn.newCodeSent');
  try {
    await app.identity.resendConfirmationCode(email);
  } catch (error) {
    text = t('account.signIn.enterCode');
  }
  app.navigate('confirm', { flash: { kind: 'info', text } });
}
