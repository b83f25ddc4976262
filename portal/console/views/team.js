// The team: invite a dermatologist by e-mail, see who is a member, remove a dermatologist after
// a confirmation. Removal is at once: their next request for this clinic is refused.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { EMAIL, field, messageBox, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

const ROLE_NAMES = { dermatologist: 'Dermatologist', clinic_admin: 'Clinic admin' };

export function teamView(app, flash) {
  app.setPage('Team');
  const message = messageBox();
  showFlash(message, flash);
  const list = h('div', { id: 'team-members' }, loadingSection());
  const dialog = confirmDialog();
  const refresh = () => loadMembers(app, list, message, dialog, refresh);
  refresh();
  return h('section', { 'aria-labelledby': 'page-title', id: 'team' },
    sectionHeader('Team', 'Invite dermatologists to review your clinic’s cases, and remove anyone who no longer should.'),
    message.root,
    inviteForm(app, refresh),
    h('h2', { id: 'members-title' }, 'Members'),
    list,
    dialog.root);
}

function inviteForm(app, refresh) {
  const message = messageBox();
  const email = field({ label: 'Dermatologist’s email', name: 'inviteEmail', type: 'email', required: true,
    autocapitalize: 'none', spellcheck: 'false' });
  const name = field({ label: 'Their name (optional)', name: 'inviteName', maxlength: 80,
    hint: 'Used to greet them in the invitation.' });
  const submit = submitButton('Send invitation', 'Sending…');
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
      email.setError('Enter an email address, like dr.lee@clinic.example.');
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
        message.info(`Invitation sent to ${sent.email}. The link works until ${until}; they appear below once they accept.`);
        message.root.focus();
        form.reset();
        refresh();
      } catch (caught) {
        showProblem(caught, { message, fields: { '/email': email, '/name': name } });
      }
    });
  });
  return h('div', { class: 'card', 'aria-labelledby': 'invite-title', role: 'group' },
    h('h2', { id: 'invite-title' }, 'Invite a dermatologist'),
    h('p', { class: 'hint' }, 'They get an email with a link valid for 72 hours. Someone without a DermRelay account gets one.'),
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
      h('td', {}, ROLE_NAMES[member.role] ?? member.role),
      h('td', {}, member.status === 'ACTIVE' ? 'Active' : 'Removed'),
      h('td', {}, removable
        ? h('button', { type: 'button', class: 'button button--danger button--small',
          onclick: () => dialog.ask(who, async () => {
            try {
              await api(`/clinics/${encodeURIComponent(app.tenantId())}/members/${encodeURIComponent(member.subject)}`,
                { method: 'DELETE', identity: app.identity });
              message.info(`${who} no longer has access to this clinic.`);
            } catch (caught) {
              const error = asPortalError(caught);
              if (error.kind === 'session-expired') return;
              message.error(error.message);
            }
            message.root.focus();
            refresh();
          }) }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${who}`))
        : null));
  });
  replace(list, rows.length
    ? h('table', { class: 'data-table', 'aria-labelledby': 'members-title' },
      h('thead', {}, h('tr', {}, ['Name', 'Email', 'Role', 'Status'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, rows))
    : h('p', { class: 'hint' }, 'No members yet. Invited dermatologists appear here once they accept.'));
}

/** A modal question before removing someone: native <dialog>, so focus and Escape just work. */
function confirmDialog() {
  const text = h('p', { id: 'confirm-remove-text' });
  let action = null;
  const confirm = h('button', { type: 'button', class: 'button button--danger', id: 'confirm-remove' }, 'Remove access');
  const cancel = h('button', { type: 'button', class: 'button button--secondary', id: 'cancel-remove' }, 'Cancel');
  const root = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': 'confirm-remove-title', 'aria-describedby': 'confirm-remove-text' },
    h('h2', { id: 'confirm-remove-title' }, 'Remove this dermatologist?'),
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
      text.textContent = `${who} will lose access to this clinic’s cases at once. Their account and their other clinics are not affected. You can invite them again later.`;
      root.showModal();
      cancel.focus();
    },
  };
}
