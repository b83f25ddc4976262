// The audit log: every recorded access to the clinic's data, newest first, searchable by
// patient, user, action and time; one page at a time with "Show more".

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { has, t } from '/shared/i18n.js';
import { sectionHeader, showProblem } from './common.js';

const PAGE = 25;

export function auditView(app) {
  app.setPage(t('nav.audit'));
  const message = messageBox();
  const fields = {
    patient: field({ label: t('audit.patient'), name: 'patient', autocapitalize: 'none', spellcheck: 'false' }),
    user: field({ label: t('audit.user'), name: 'user', autocapitalize: 'none', spellcheck: 'false' }),
    action: field({ label: t('audit.action'), name: 'action', autocapitalize: 'none', spellcheck: 'false',
      hint: t('audit.actionHint') }),
    from: field({ label: t('audit.from'), name: 'from', type: 'datetime-local' }),
    to: field({ label: t('audit.to'), name: 'to', type: 'datetime-local' }),
  };
  const results = h('div', { id: 'audit-results', 'aria-live': 'polite' });
  const submit = submitButton(t('audit.search'), t('audit.searching'));
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
          fields[name].setError(t('audit.timesInvalid'));
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
    sectionHeader(t('nav.audit'), t('audit.lead')),
    h('div', { class: 'card' }, form),
    results);
}

function show(results, records, nextCursor, search) {
  if (!records.length) {
    replace(results, h('p', { class: 'hint', id: 'audit-empty' }, t('audit.none')));
    return;
  }
  const more = nextCursor
    ? h('button', { type: 'button', class: 'button button--secondary', id: 'audit-more',
      onclick: async () => { more.disabled = true; await search(nextCursor); } }, t('audit.more'))
    : null;
  replace(results,
    h('table', { class: 'data-table', id: 'audit-table' },
      h('caption', {}, t(`audit.count${records.length === 1 ? 'One' : 'Many'}${nextCursor ? 'SoFar' : ''}`, { count: records.length.toLocaleString(document.documentElement.lang) })),
      h('thead', {}, h('tr', {}, ['when', 'who', 'action', 'resource', 'outcome'].map((column) => h('th', { scope: 'col' }, t(`audit.col.${column}`))))),
      h('tbody', {}, records.map((r) => h('tr', {},
        h('td', {}, h('time', { datetime: r.time }, when(r.time)), r.attempts ? repeats(r) : null),
        h('td', {}, r.actorName || r.actorSubject, h('br'), h('span', { class: 'hint' }, has(`role.${r.actorRole}`) ? t(`role.${r.actorRole}`) : r.actorRole)),
        h('td', {}, h('code', {}, r.action)),
        h('td', {}, `${r.resourceType} ${r.resourceId}`),
        h('td', {}, h('span', { class: `outcome outcome--${String(r.outcome).toLowerCase()}` }, has(`outcome.${r.outcome}`) ? t(`outcome.${r.outcome}`) : r.outcome)))))),
    more);
}

function when(time) {
  return new Date(time).toLocaleString(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Repeated refused attempts are one record: how many, and when the last one was. */
function repeats(record) {
  return [h('br'), h('span', { class: 'hint audit-attempts' },
    t(record.attempts === 1 ? 'audit.attemptsOne' : 'audit.attemptsMany', {
      count: record.attempts.toLocaleString(document.documentElement.lang),
    }), ' ',
    h('time', { datetime: record.lastTime }, t('audit.attemptsLast', { time: when(record.lastTime) })))];
}
