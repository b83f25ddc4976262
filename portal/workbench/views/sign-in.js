// Signing in to the workbench: e-mail and password, then (first time only, for an account made by
// an invitation) choosing a permanent password. Used by the workbench and its invitation page:
// both pass an `app` with identity, go(route) and setPage(title).

import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, passwordField, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { has, t } from '/shared/i18n.js';
import { normaliseEmail } from '/shared/identity.js';
import { PASSWORD_RULES, unmetRules } from '/shared/password-policy.js';

export function signInView(app, flash, { title = t('signIn.title'), lead } = {}) {
  app.setPage(t('signIn.page'));
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const email = field({
    label: t('signIn.email'), name: 'email', type: 'email', autocomplete: 'username',
    autocapitalize: 'none', spellcheck: 'false', required: true,
  });
  const password = passwordField({
    label: t('signIn.password'), name: 'password', autocomplete: 'current-password', required: true,
    hint: t('signIn.passwordHint'),
  });
  const submit = submitButton(t('signIn.submit'), t('signIn.busy'));
  const form = h('form', { class: 'form', novalidate: true, id: 'sign-in-form' },
    message.root, email.root, password.root, h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    email.setError(null);
    password.setError(null);
    const address = normaliseEmail(email.input.value);
    if (!EMAIL.test(address)) {
      email.setError(t('signIn.emailInvalid'));
      email.input.focus();
      return;
    }
    if (!password.input.value) {
      password.setError(t('signIn.passwordMissing'));
      password.input.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        const outcome = await app.identity.signInOrChallenge(address, password.input.value);
        if (outcome.challenge) {
          app.challenge = { session: outcome.session, email: outcome.email };
          app.go('new-password');
        } else {
          app.go('');
        }
      } catch (caught) {
        const error = asPortalError(caught);
        password.input.value = '';
        message.error(error.message);
        if (error.field === 'password') password.setError(t('signIn.passwordWrong'));
        message.root.focus();
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-narrow' },
    h('h1', { id: 'page-title', tabindex: '-1' }, title),
    h('p', { class: 'lead' }, lead ?? t('signIn.lead')),
    h('div', { class: 'card' }, form));
}

/** The first sign-in: the temporary password worked, now the dermatologist picks their own. */
export function newPasswordView(app) {
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
        app.go('', { flash: { kind: 'info', text: t('newPassword.done') } });
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'wrong-credentials' || error.kind === 'session-expired') {
          app.challenge = null; // the challenge lasts minutes only
          app.go('', { flash: { kind: 'error', text: t('newPassword.tooLong') } });
          return;
        }
        if (error.field === 'password') password.setError(error.message);
        else message.error(error.message);
        (error.field === 'password' ? password.input : message.root).focus();
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-narrow' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('newPassword.title')),
    h('p', { class: 'lead' }, [t('newPassword.leadBefore'),
      h('strong', {}, app.challenge?.email ?? ''), t('newPassword.leadAfter')]),
    h('div', { class: 'card' }, form));
}

/** A password rule in the page's language (the patient portal's words, account.rule.*). */
function ruleText(rule) {
  return has(`account.rule.${rule.id}`) ? t(`account.rule.${rule.id}`) : rule.label;
}
