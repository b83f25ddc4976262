// Signing in to the clinic console: the shared sign-in (shared/sign-in.js) in the console's
// words, starting from the address a new clinic signed up with, then (first time only) choosing
// a permanent password.

import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';
import {
  newPasswordView as sharedNewPasswordView, signInView as sharedSignInView, staffSignIn, staffSignInWords,
} from '/shared/sign-in.js';

export function signInView(app, flash) {
  const toDashboard = staffSignIn(app, 'dashboard');
  return sharedSignInView(app, flash, {
    words: staffSignInWords(),
    email: app.signInEmail,
    signIn: async (address, password) => {
      await toDashboard(address, password);
      app.signInEmail = null; // signed in: the address the clinic signed up with is no longer needed
    },
    sectionClass: 'console-narrow',
    asides: [h('p', { class: 'aside' }, t('signIn.new'),
      h('a', { href: '#sign-up', id: 'sign-up-link' }, t('signIn.signUp')))],
  });
}

export function newPasswordView(app) {
  return sharedNewPasswordView(app, { home: 'dashboard', sectionClass: 'console-narrow' });
}
