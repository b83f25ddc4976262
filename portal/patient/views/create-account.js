import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, passwordField, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { PASSWORD_RULES, unmetRules } from '/shared/password-policy.js';
import { has, t } from '/shared/i18n.js';
import { closedNotice, takesNewPatients } from '../clinic.js';

/** Name, email and a password whose rules are shown up front and ticked off while typing. */
export function createAccountView(app) {
  app.setPage(t('account.create.title'));
  if (!takesNewPatients(app.clinic)) {
    // The pool's pre-sign-up trigger refuses it anyway; say so before the form is filled in.
    return h('section', { 'aria-labelledby': 'page-title' },
      h('h1', { id: 'page-title', tabindex: '-1' }, t('account.create.title')),
      closedNotice(app.clinic, 'clinic.closed.signUpText'),
      h('p', { class: 'aside' }, h('a', { href: app.href(''), 'data-route': '' }, t('account.create.signInLink'))));
  }
  const message = messageBox();
  const name = field({
    label: t('account.create.name'), name: 'name', autocomplete: 'name', required: true,
    hint: t('account.create.nameHint'),
  });
  const email = field({
    label: t('account.email'), name: 'email', type: 'email', autocomplete: 'email', inputmode: 'email',
    autocapitalize: 'none', spellcheck: 'false', required: true,
    hint: t('account.create.emailHint'),
  });
  const rules = passwordRules();
  const password = passwordField(
    { label: t('account.create.password'), name: 'password', autocomplete: 'new-password', required: true, describedBy: rules.id },
    rules.root);
  password.input.addEventListener('input', () => {
    rules.update(password.input.value);
    if (unmetRules(password.input.value).length === 0) password.setError(null);
  });
  const submit = submitButton(t('account.create.submit'), t('account.create.busy'));

  const form = h('form', { class: 'form', novalidate: true, id: 'create-account-form' },
    message.root, name.root, email.root, password.root,
    h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const problems = check({ name, email, password });
    if (problems.length) {
      problems[0].input.focus();
      return;
    }
    const address = normaliseEmail(email.input.value);
    await submit.busyWhile(async () => {
      try {
        await app.identity.signUp({
          name: name.input.value, email: address, password: password.input.value,
          tenantId: app.clinic.tenantId,
        });
        app.pendingSignUp = { email: address, password: password.input.value, name: name.input.value.trim() };
        app.navigate('confirm', {
          flash: { kind: 'info', text: t('account.create.codeSent') },
        });
      } catch (caught) {
        const error = asPortalError(caught);
        const target = { email, password }[error.field];
        if (target) {
          target.setError(error.message);
          target.input.focus();
        } else {
          message.error(error.message);
          message.root.focus();
        }
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('account.create.title')),
    h('p', { class: 'lead' }, t('account.create.lead', { clinic: app.clinic.displayName })),
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside' }, t('account.create.haveAccount'), ' ',
      h('a', { href: app.href(''), 'data-route': '' }, t('account.create.signInLink'))));
}

/** Each field's own complaint, in page order; returns the fields at fault. */
function check({ name, email, password }) {
  const problems = [];
  name.setError(null);
  email.setError(null);
  password.setError(null);
  if (!name.input.value.trim()) {
    name.setError(t('account.create.nameMissing'));
    problems.push(name);
  }
  if (!EMAIL.test(normaliseEmail(email.input.value))) {
    email.setError(t('account.create.emailInvalid'));
    problems.push(email);
  }
  const unmet = unmetRules(password.input.value);
  if (unmet.length) {
    password.setError(t('account.create.passwordNeeds', { rules: unmet.map((r) => lowerFirst(ruleLabel(r))).join('; ') }));
    problems.push(password);
  }
  return problems;
}

function passwordRules() {
  const id = 'password-rules';
  const items = PASSWORD_RULES.map((rule) => {
    const state = h('span', { class: 'visually-hidden' }, t('account.create.ruleNeeded'));
    const item = h('li', { 'data-rule': rule.id, 'data-met': 'false' }, ruleLabel(rule), state);
    return { rule, item, state };
  });
  const root = h('div', {},
    h('p', { class: 'hint', id: `${id}-intro` }, t('account.create.rulesIntro')),
    h('ul', { class: 'rules', id, 'aria-labelledby': `${id}-intro` }, items.map((i) => i.item)));
  return {
    id,
    root,
    update(password) {
      for (const { rule, item, state } of items) {
        const met = rule.test(password);
        item.dataset.met = String(met);
        state.textContent = t(met ? 'account.create.ruleDone' : 'account.create.ruleNeeded');
      }
    },
  };
}

/** A password rule in the page's language (the shared policy's English otherwise). */
function ruleLabel(rule) {
  return has(`account.rule.${rule.id}`) ? t(`account.rule.${rule.id}`) : rule.label;
}

function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
