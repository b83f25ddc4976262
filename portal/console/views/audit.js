// The audit log: every recorded access to the clinic's data, newest first, searchable by
// patient, user, action and time; one page at a time with "Show more".

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { sectionHeader, showProblem } from './common.js';

const PAGE = 25;

export function auditView(app) {
  app.setPage('Audit log');
  const message = messageBox();
  const fields = {
    patient: field({ label: 'Patient (account id)', name: 'patient', autocapitalize: 'none', spellcheck: 'false' }),
    user: field({ label: 'User (account id)', name: 'user', autocapitalize: 'none', spellcheck: 'false' }),
    action: field({ label: 'Action', name: 'action', autocapitalize: 'none', spellcheck: 'false',
      hint: 'For example read, tenant-settings.update, member.remove.' }),
    from: field({ label: 'From', name: 'from', type: 'datetime-local' }),
    to: field({ label: 'Before', name: 'to', type: 'datetime-local' }),
  };
  const results = h('div', { id: 'audit-results', 'aria-live': 'polite' });
  const submit = submitButton('Search', 'Searching…');
  const form = h('form', { class: 'form', novalidate: true, id: 'audit-form' },
    message.root,
    h('div', { class: 'field-row' }, fields.patient.root, fields.user.root, fields.action.root),
    h('div', { class: 'field-row' }, fields.from.root, fields.to.root),
    h('div', { class: 'actions actions--inline' }, submit.button));

  let rows = [];
  const search = async (cursor) => {
    message.clear();
    for (const f of Object.values(fields)) f.setError(null);
    const query = new URLSearchParams({ limit: String(PAGE) });
    for (const name of ['patient', 'user', 'action']) {
      if (fields[name].input.value.trim()) query.set(name, fields[name].input.value.trim());
    }
    for (const name of ['from', 'to']) {
      const value = fields[name].input.value;
      if (value) query.set(name, new Date(value).toISOString());
    }
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api(`/clinics/${encodeURIComponent(app.tenantId())}/audit-log?${query}`, { identity: app.identity });
      rows = cursor ? rows.concat(page.records) : page.records;
      show(results, rows, page.nextCursor, search);
    } catch (caught) {
      showProblem(caught, { message, fields: {} });
      for (const name of ['from', 'to']) {
        if (/'(from|to)'/.test(caught?.detail ?? '') && caught.detail.includes(`'${name}'`)) {
          fields[name].setError('Check this time: “Before” must come after “From”.');
        }
      }
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.busyWhile(() => search(null));
  });
  search(null);
  return h('section', { 'aria-labelledby': 'page-title', id: 'audit' },
    sectionHeader('Audit log', 'Every access to your clinic’s records: who, what, when, and whether it was allowed. Searching is itself recorded.'),
    h('div', { class: 'card' }, form),
    results);
}

function show(results, records, nextCursor, search) {
  if (!records.length) {
    replace(results, h('p', { class: 'hint', id: 'audit-empty' }, 'No records match this search.'));
    return;
  }
  const more = nextCursor
    ? h('button', { type: 'button', class: 'button button--secondary', id: 'audit-more',
      onclick: async () => { more.disabled = true; await search(nextCursor); } }, 'Show more')
    : null;
  replace(results,
    h('table', { class: 'data-table', id: 'audit-table' },
      h('caption', {}, `${records.length} record${records.length === 1 ? '' : 's'}${nextCursor ? ' so far' : ''}`),
      h('thead', {}, h('tr', {}, ['When', 'Who', 'Action', 'Resource', 'Outcome'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, records.map((r) => h('tr', {},
        h('td', {}, h('time', { datetime: r.time }, new Date(r.time).toLocaleString(document.documentElement.lang))),
        h('td', {}, r.actorName || r.actorSubject, h('br'), h('span', { class: 'hint' }, r.actorRole)),
        h('td', {}, h('code', {}, r.action)),
        h('td', {}, `${r.resourceType} ${r.resourceId}`),
        h('td', {}, h('span', { class: `outcome outcome--${String(r.outcome).toLowerCase()}` }, r.outcome)))))),
    more);
}
