// "Your data": who has seen my record, the optional research consent, a copy of everything held,
// and erasure with the service's
// own account of what it kept and why.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { currentLanguage, formatDateTime, has, t } from '/shared/i18n.js';
import { caseApi } from '../case-api.js';
import { loading } from '../widgets.js';
import { researchConsentCard } from './research-consent.js';

export function privacyView(app) {
  app.setPage(t('privacy.title'));
  const log = h('div', { id: 'access-log' }, loading());
  loadAccessLog(app, log, null);
  return h('section', { 'aria-labelledby': 'page-title', id: 'privacy' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('privacy.title')),
    h('div', { class: 'card' }, h('h2', {}, t('privacy.accessTitle')), h('p', {}, t('privacy.accessLead')), log),
    researchConsentCard(app),
    exportCard(app),
    erasureCard(app),
    h('p', { class: 'aside' }, h('a', { href: app.href('home'), 'data-route': 'home' }, t('nav.backHome'))));
}

async function loadAccessLog(app, container, cursor) {
  let page;
  try {
    page = await caseApi(app).accessLog(cursor);
  } catch (error) {
    if (error.kind === 'session-expired') return;
    replace(container, h('p', { class: 'field-error', role: 'alert' }, error.kind === 'network' ? t('errors.offline') : (error.message ?? t('errors.unexpected'))));
    return;
  }
  const rows = page.entries.map((e) => h('li', {},
    h('time', { datetime: e.time }, formatDateTime(e.time)),
    h('span', {}, t('privacy.accessEntry', {
      name: e.actorName, role: t(has(`role.${e.actorRole}`) ? `role.${e.actorRole}` : 'role.other'),
      action: t(has(`access.${e.action}`) ? `access.${e.action}` : 'access.other'),
    }))));
  const list = cursor ? container.querySelector('ol') : h('ol', { class: 'access-list' });
  list.append(...rows);
  const more = page.nextCursor
    ? h('button', { type: 'button', class: 'link-button', onclick: (event) => { event.target.remove(); loadAccessLog(app, container, page.nextCursor); } }, t('privacy.more'))
    : null;
  if (!cursor) {
    replace(container, page.entries.length ? list : h('p', { class: 'hint', id: 'access-log-empty' }, t('privacy.accessNone')), more);
  } else if (more) {
    container.append(more);
  }
}

function exportCard(app) {
  const message = messageBox();
  const result = h('div', { id: 'export-result', 'aria-live': 'polite' });
  const submit = submitButton(t('privacy.export'), t('privacy.exporting'));
  const form = h('form', { class: 'form', id: 'export-form' }, message.root, h('div', { class: 'actions' }, submit.button), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    await submit.busyWhile(async () => {
      try {
        // The archive's page to read comes in the language the patient is reading now.
        const archive = await caseApi(app).exportMyData(currentLanguage());
        // The link is pre-signed and short-lived: shown, never stored.
        replace(result, h('p', {}, h('a', { href: archive.downloadUrl, download: 'my-data.zip', id: 'export-download', class: 'button button--secondary' }, t('privacy.download'))),
          h('p', { class: 'hint' }, t('privacy.downloadUntil', { time: formatDateTime(archive.expiresAt) })));
      } catch (error) {
        if (error.kind !== 'session-expired') message.error(error.kind === 'network' ? t('errors.offline') : (error.message ?? t('errors.unexpected')));
      }
    });
  });
  return h('div', { class: 'card' }, h('h2', {}, t('privacy.exportTitle')), h('p', {}, t('privacy.exportLead')), form);
}

function erasureCard(app) {
  const message = messageBox();
  const card = h('div', { class: 'card', id: 'erasure' });
  const start = h('button', { type: 'button', class: 'button button--secondary', id: 'erasure-start' }, t('privacy.erase'));
  card.append(h('h2', {}, t('privacy.eraseTitle')), h('p', {}, t('privacy.eraseLead', { clinic: app.clinic.displayName })), message.root, start);
  start.addEventListener('click', () => {
    const confirm = submitButton(t('privacy.eraseConfirm'), t('privacy.erasing'));
    const cancel = h('button', { type: 'button', class: 'button button--secondary', id: 'erasure-cancel' }, t('common.cancel'));
    const form = h('form', { class: 'form confirm-box', id: 'erasure-form', role: 'alertdialog', 'aria-labelledby': 'erasure-question' },
      h('p', { id: 'erasure-question' }, h('strong', {}, t('privacy.eraseSure'))),
      h('ul', {}, h('li', {}, t('privacy.eraseEffect1')), h('li', {}, t('privacy.eraseEffect2')), h('li', {}, t('privacy.eraseEffect3', { clinic: app.clinic.displayName }))),
      h('div', { class: 'actions' }, confirm.button, cancel));
    start.replaceWith(form);
    confirm.button.focus();
    cancel.addEventListener('click', () => { form.replaceWith(start); start.focus(); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await confirm.busyWhile(async () => {
        try {
          const outcome = await caseApi(app).requestErasure();
          form.replaceWith(erasureOutcome(app, outcome));
          card.querySelector('#erasure-done')?.focus();
        } catch (error) {
          if (error.kind !== 'session-expired') message.error(error.message ?? t('errors.unexpected'));
        }
      });
    });
  });
  return card;
}

/** What was erased and what the clinic must keep, in the service's words, then signing out. */
function erasureOutcome(app, outcome) {
  return h('div', { id: 'erasure-outcome' },
    h('p', { class: 'status-message', id: 'erasure-done', tabindex: '-1', role: 'status' }, t('privacy.erased')),
    (outcome.erased ?? []).length ? [h('h3', {}, t('privacy.erasedList')), h('ul', {}, outcome.erased.map((item) => h('li', {}, item)))] : null,
    (outcome.kept ?? []).length
      ? [h('h3', {}, t('privacy.keptList')), h('ul', { class: 'kept-list' }, outcome.kept.map((k) => h('li', {},
        h('strong', {}, k.data), ' — ', k.reason,
        k.keptAtLeastUntil ? h('span', { class: 'hint' }, ` ${t('privacy.keptUntil', { date: formatDateTime(k.keptAtLeastUntil, { time: false }) })}`) : null)))]
      : null,
    h('button', { type: 'button', class: 'button', id: 'erasure-sign-out', onclick: () => document.getElementById('sign-out')?.click() }, t('nav.signOut')));
}
