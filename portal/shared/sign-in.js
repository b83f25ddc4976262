// The sign-in of the three portals: e-mail and password, checked before anything is sent, then
// the portal's own sign-in; a refusal (wrong password, the identity service's lockout, no network)
// is shown in the words of the page's dictionary (shared/errors.js, errors.kind.*). What differs
// between the portals comes in as options: their texts, where a signed-in person goes, what a
// refusal of their own means (an unconfirmed patient), and the links under the form. The staff
// portals (workbench, console) also share the first-time password choice, newPasswordView.

import { h } from './dom.js';
import { EMAIL, field, messageBox, passwordField, submitButton } from './forms.js';
import { asPortalError } from './errors.js';
import { has, t } from './i18n.js';
import { normaliseEmail } from './identity.js';
import { PASSWORD_RULES, unmetRules } from './password-policy.js';

/**
 * The sign-in page.
 *
 * @param app the portal: setPage(title)
 * @param flash a message the page opens with ({kind: 'error'|'info', text}), or null
 * @param options
 *   words: the portal's texts, already in the page's language: page (the document title), title,
 *     lead, email, password, submit, busy, emailInvalid, passwordMissing, passwordWrong, and
 *     passwordHint (optional: a hint under the password box)
 *   signIn(address, password): the portal's sign-in and what follows it; throws when refused
 *   refused(error, address, password): optional; handles a refusal of the portal's own and
 *     returns true, or returns false to show it as any other
 *   email: an address to start with (optional)
 *   sectionClass: the section's class (optional)
 *   asides: nodes under the form (optional)
 */
export function signInView(app, flash, { words, signIn, refused = async () => false, email: start = '',
  sectionClass, asides = [] }) {
  app.setPage(words.page);
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const email = field({
    label: words.email, name: 'email', type: 'email', autocomplete: 'username',
    inputmode: 'email', autocapitalize: 'none', spellcheck: 'false', required: true,
  });
  if (start) email.input.value = start;
  const password = passwordField({
    label: words.password, name: 'password', autocomplete: 'current-password', required: true,
    ...(words.passwordHint ? { hint: words.passwordHint } : {}),
  });
  const submit = submitButton(words.submit, words.busy);
  const form = h('form', { class: 'form', novalidate: true, id: 'sign-in-form' },
    message.root, email.root, password.root, h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    email.setError(null);
    password.setError(null);
    const address = normaliseEmail(email.input.value);
    if (!EMAIL.test(address)) {
      email.setError(words.emailInvalid);
      email.input.focus();
      return;
    }
    if (!password.input.value) {
      password.setError(words.passwordMissing);
      password.input.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await signIn(address, password.input.value);
      } catch (caught) {
        const error = asPortalError(caught);
        if (await refused(error, address, password.input.value)) return;
        password.input.value = '';
        message.error(error.message);
        if (error.field === 'password') password.setError(words.passwordWrong);
        message.root.focus();
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title', ...(sectionClass ? { class: sectionClass } : {}) },
    h('h1', { id: 'page-title', tabindex: '-1' }, words.title),
    h('p', { class: 'lead' }, words.lead),
    h('div', { class: 'card' }, form),
    ...asides);
}

/** The staff portals' texts for signInView, from their dictionaries' signIn.* keys. */
export function staffSignInWords() {
  return {
    page: t('signIn.page'), title: t('signIn.title'), lead: t('signIn.lead'),
    email: t('signIn.email'), password: t('signIn.password'), passwordHint: t('signIn.passwordHint'),
    submit: t('signIn.submit'), busy: t('signIn.busy'), emailInvalid: t('signIn.emailInvalid'),
    passwordMissing: t('signIn.passwordMissing'), passwordWrong: t('signIn.passwordWrong'),
  };
}

/**
 * A staff member's sign-in: an account made by an invitation or a clinic sign-up signs in with a
 * temporary password first and is asked for their own (route 'new-password'); anyone else goes to
 * {@code home}.
 */
export function staffSignIn(app, home) {
  return async (address, password) => {
    const outcome = await app.identity.signInOrChallenge(address, password);
    if (outcome.challenge) {
      app.challenge = { session: outcome.session, email: outcome.email };
      app.go('new-password');
    } else {
      app.go(home);
    }
  };
}

/**
 * The first sign-in of a staff account: the temporary password worked, now they pick their own.
 * The rules show as they are met; then {@code home}, or the sign-in again if the challenge expired.
 */
export function newPasswordView(app, { home, sectionClass }) {
  app.setPage(t('newPassword.title'));
  const message = messageBox();
  const rules = h('ul', { class: 'rules', id: 'password-rules' },
    PASSWORD_RULES.map((rule) => h('li', { 'data-rule': rule.id, 'data-met': 'false' }, ruleText(rule))));
  const password = passwordField({
    label: t('newPassword.label'), name: 'newPassword', autocomplete: 'new-password', required: true,
    describedBy: 'password-rules',
  }, h('p', { class: 'hint' }, t('newPassword.needs')), rules);
  password.input.addEventListener('input', () => {
    for (const item of rules.children) {
      const rule = PASSWORD_RULES.find((r) => r.id === item.dataset.rule);
      item.dataset.met = String(rule.test(password.input.value));
    }
  });
  const submit = submitButton(t('newPassword.submit'), t('newPassword.busy'));
  const form = h('form', { class: 'form', novalidate: true, id: 'new-password-form' },
    message.root, password.root, h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    password.setError(null);
    const unmet = unmetRules(password.input.value);
    if (unmet.length) {
      password.setError(t('newPassword.stillNeeds', { rules: unmet.map((r) => ruleText(r).toLocaleLowerCase(document.documentElement.lang)).join('; ') }));
      password.input.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await app.identity.setFirstPassword(app.challenge, password.input.value);
        app.challenge = null;
        app.go(home, { flash: { kind: 'info', text: t('newPassword.done') } });
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'wrong-credentials' || error.kind === 'session-expired') {
          // The challenge lasts minutes only: start again with the temporary password.
          app.challenge = null;
          app.go('', { flash: { kind: 'error', text: t('newPassword.tooLong') } });
          return;
        }
        if (error.field === 'password') password.setError(error.message);
        else message.error(error.message);
        (error.field === 'password' ? password.input : message.root).focus();
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title', class: sectionClass },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('newPassword.title')),
    h('p', { class: 'lead' }, [t('newPassword.leadBefore'),
      h('strong', {}, app.challenge?.email ?? ''), t('newPassword.leadAfter')]),
    h('div', { class: 'card' }, form));
}

/** A password rule in the page's language (the patient portal's words, account.rule.*). */
function ruleText(rule) {
  return has(`account.rule.${rule.id}`) ? t(`account.rule.${rule.id}`) : rule.label;
}
