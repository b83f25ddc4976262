// Signing in to the workbench: the shared sign-in (shared/sign-in.js) in the workbench's words,
// then (first time only, for an account made by an invitation) choosing a permanent password.
// Used by the workbench and its invitation page: both pass an `app` with identity, go(route) and
// setPage(title); the invitation page gives its own title and lead.

import {
  newPasswordView as sharedNewPasswordView, signInView as sharedSignInView, staffSignIn, staffSignInWords,
} from '/shared/sign-in.js';

export function signInView(app, flash, { title, lead } = {}) {
  const words = staffSignInWords();
  return sharedSignInView(app, flash, {
    words: { ...words, title: title ?? words.title, lead: lead ?? words.lead },
    signIn: staffSignIn(app, ''),
    sectionClass: 'wb-narrow',
  });
}

export function newPasswordView(app) {
  return sharedNewPasswordView(app, { home: '', sectionClass: 'wb-narrow' });
}
