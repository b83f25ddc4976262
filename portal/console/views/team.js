// The team: invite a dermatologist by e-mail, see who is a member, remove a dermatologist after
// a confirmation. Removal is at once: their next request for this clinic is refused. An active
// dermatologist can be named a medical lead: told of unsafe second-read disagreements
// (docs/quality.md).

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { EMAIL, field, messageBox, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { has, t } from '/shared/i18n.js';
import { sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';


export function teamView(app, flash) {
  app.setPage(t('nav.team'));
  const message = messageBox();
  showFlash(message, flash);
  const list = h('div', { id: 'team-members' }, loadingSection());
  const dialog = confirmDialog();
  const refresh = () => loadMembers(app, list, message, dialog, refresh);
  refresh();
  return h('section', { 'aria-labelledby': 'page-title', id: 'team' },
    sectionHeader(t('nav.team'), t('team.lead')),
    message.root,
    inviteForm(app, refresh),
    h('h2', { id: 'members-title' }, t('team.members')),
    list,
    dialog.root);
}

function inviteForm(app, refresh) {
  const message = messageBox();
  const email = field({ label: t('team.email'), name: 'inviteEmail', type: 'email', required: true,
    autocapitalize: 'none', spellcheck: 'false' });
  const name = field({ label: t('team.name'), name: 'inviteName', maxlength: 80,
    hint: t('team.nameHint') });
  name.explain = t('form.nameCharacters');
  const submit = submitButton(t('team.invite'), t('team.sending'));
  const form = h('form', { class: 'form', novalidate: true, id: 'invite-form' },
    message.root, h('div', { class: 'field-row' }, email.root, name.root),
    h('div', { class: 'actions actions--inline' }, submit.button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    email.setError(null);
    name.setError(null);
    const address = normaliseEmail(email.input.value);
    if (!EMAIL.test(address)) {
      email.setError(t('team.emailInvalid'));
      email.input.focus();
      return;
    }
    const body = { email: address };
    if (name.input.value.trim()) body.name = name.input.value.trim();
    await submit.busyWhile(async () => {
      try {
        const sent = await api(`/clinics/${encodeURIComponent(app.tenantId())}/invitations`,
          { method: 'POST', identity: app.identity, body });
        const until = new Date(sent.validUntil).toLocaleString(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' });
        message.info(t('team.sent', { email: sent.email, until }));
        message.root.focus();
        form.reset();
        refresh();
      } catch (caught) {
        showProblem(caught, { message, fields: { '/email': email, '/name': name } });
      }
    });
  });
  return h('div', { class: 'card', 'aria-labelledby': 'invite-title', role: 'group' },
    h('h2', { id: 'invite-title' }, t('team.inviteTitle')),
    h('p', { class: 'hint' }, t('team.inviteHint')),
    form);
}

async function loadMembers(app, list, message, dialog, refresh) {
  let team;
  try {
    team = await api(`/clinics/${encodeURIComponent(app.tenantId())}/members`, { identity: app.identity });
  } catch (error) {
    replace(list, loadFailed(app, error, refresh));
    return;
  }
  const me = app.identity.claims()?.sub;
  const rows = team.members.map((member) => {
    const removable = member.role === 'dermatologist' && member.status === 'ACTIVE' && member.subject !== me;
    const who = member.displayName || member.email;
    return h('tr', { 'data-member': member.email },
      h('th', { scope: 'row' }, who),
      h('td', {}, member.email),
      h('td', {}, has(`role.${member.role}`) ? t(`role.${member.role}`) : member.role),
      h('td', {}, member.status === 'ACTIVE' ? t('team.active') : t('team.removed')),
      h('td', {}, member.role === 'dermatologist' && member.status === 'ACTIVE'
        ? medicalLeadBox(app, member, who, message) : null),
      h('td', {}, removable
        ? h('button', { type: 'button', class: 'button button--danger button--small',
          onclick: () => dialog.ask(who, async () => {
            try {
              await api(`/clinics/${encodeURIComponent(app.tenantId())}/members/${encodeURIComponent(member.subject)}`,
                { method: 'DELETE', identity: app.identity });
              message.info(t('team.removedText', { who }));
            } catch (caught) {
              const error = asPortalError(caught);
              if (error.kind === 'session-expired') return;
              message.error(error.message);
            }
            message.root.focus();
            refresh();
          }) }, t('team.remove'), h('span', { class: 'visually-hidden' }, ` ${who}`))
        : null));
  });
  replace(list, rows.length
    ? h('table', { class: 'data-table', 'aria-labelledby': 'members-title' },
      h('thead', {}, h('tr', {}, ['name', 'email', 'role', 'status', 'medicalLead'].map((column) => h('th', { scope: 'col' }, t(`team.col.${column}`))),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('team.col.actions'))))),
      h('tbody', {}, rows))
    : h('p', { class: 'hint' }, t('team.none')));
}

/** The medical-lead checkbox of an active dermatologist: saved as soon as it changes. */
function medicalLeadBox(app, member, who, message) {
  const id = `medical-lead-${member.subject}`;
  const box = h('input', { type: 'checkbox', id, name: 'medicalLead', checked: Boolean(member.medicalLead) });
  box.addEventListener('change', async () => {
    const lead = box.checked;
    box.disabled = true;
    try {
      await api(`/clinics/${encodeURIComponent(app.tenantId())}/members/${encodeURIComponent(member.subject)}/medical-lead`,
        { method: 'PUT', identity: app.identity, body: { medicalLead: lead } });
      message.info(t(lead ? 'team.leadSet' : 'team.leadUnset', { who }));
    } catch (caught) {
      box.checked = !lead;
      const error = asPortalError(caught);
      if (error.kind !== 'session-expired') message.error(error.message);
    } finally {
      box.disabled = false;
    }
  });
  return h('div', { class: 'check-row' }, box,
    h('label', { for: id }, h('span', { class: 'visually-hidden' }, t('team.leadFor', { who }))));
}

/** A modal question before removing someone: native <dialog>, so focus and Escape just work. */
function confirmDialog() {
  const text = h('p', { id: 'confirm-remove-text' });
  let action = null;
  const confirm = h('button', { type: 'button', class: 'button button--danger', id: 'confirm-remove' }, t('team.removeAccess'));
  const cancel = h('button', { type: 'button', class: 'button button--secondary', id: 'cancel-remove' }, t('team.cancel'));
  const root = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': 'confirm-remove-title', 'aria-describedby': 'confirm-remove-text' },
    h('h2', { id: 'confirm-remove-title' }, t('team.confirmTitle')),
    text,
    h('div', { class: 'actions actions--inline' }, cancel, confirm));
  cancel.addEventListener('click', () => root.close());
  confirm.addEventListener('click', async () => {
    root.close();
    await action?.();
  });
  return {
    root,
    ask(who, onConfirm) {
      action = onConfirm;
      text.textContent = t('team.confirmText', { who });
      root.showModal();
      cancel.focus();
    },
  };
}
