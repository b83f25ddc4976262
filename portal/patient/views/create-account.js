import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, passwordField, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { PASSWORD_RULES, unmetRules } from '/shared/password-policy.js';

/** Name, email and a password whose rules are shown up front and ticked off while typing. */
export function createAccountView(app) {
  app.setPage('Create your account');
  const message = messageBox();
  const name = field({
    label: 'Your full name', name: 'name', autocomplete: 'name', required: true,
    hint: 'As your clinic knows you, so they can match your records.',
  });
  const email = field({
    label: 'Email', name: 'email', type: 'email', autocomplete: 'email', inputmode: 'email',
    autocapitalize: 'none', spellcheck: 'false', required: true,
    hint: 'We’ll send a 6-digit code here to confirm it’s you.',
  });
  const rules = passwordRules();
  const password = passwordField(
    { label: 'Choose a password', name: 'password', autocomplete: 'new-password', required: true, describedBy: rules.id },
    rules.root);
  password.input.addEventListener('input', () => {
    rules.update(password.input.value);
    if (unmetRules(password.input.value).length === 0) password.setError(null);
  });
  const submit = submitButton('Create account', 'Creating your account…');

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
        app.pendingSignUp = { email: address, password: password.input.value };
        app.navigate('confirm', {
          flash: { kind: 'info', text: 'We’ve sent you an email with a 6-digit code.' },
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
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Create your account'),
    h('p', { class: 'lead' },
      `For online skin consultations with ${app.clinic.displayName}. It takes about a minute.`),
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside' }, 'Already have an account? ',
      h('a', { href: app.href(''), 'data-route': '' }, 'Sign in')));
}

/** Each field's own complaint, in page order; returns the fields at fault. */
function check({ name, email, password }) {
  const problems = [];
  name.setError(null);
  email.setError(null);
  password.setError(null);
  if (!name.input.value.trim()) {
    name.setError('Enter your full name.');
    problems.push(name);
  }
  if (!EMAIL.test(normaliseEmail(email.input.value))) {
    email.setError('Enter an email address, like name@example.com.');
    problems.push(email);
  }
  const unmet = unmetRules(password.input.value);
  if (unmet.length) {
    password.setError(`Your password still needs: ${unmet.map((r) => lowerFirst(r.label)).join('; ')}.`);
    problems.push(password);
  }
  return problems;
}

function passwordRules() {
  const id = 'password-rules';
  const items = PASSWORD_RULES.map((rule) => {
    const state = h('span', { class: 'visually-hidden' }, ' (still needed)');
    const item = h('li', { 'data-rule': rule.id, 'data-met': 'false' }, rule.label, state);
    return { rule, item, state };
  });
  const root = h('div', {},
    h('p', { class: 'hint', id: `${id}-intro` }, 'Your password needs:'),
    h('ul', { class: 'rules', id, 'aria-labelledby': `${id}-intro` }, items.map((i) => i.item)));
  return {
    id,
    root,
    update(password) {
      for (const { rule, item, state } of items) {
        const met = rule.test(password);
        item.dataset.met = String(met);
        state.textContent = met ? ' (done)' : ' (still needed)';
      }
    },
  };
}

function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
