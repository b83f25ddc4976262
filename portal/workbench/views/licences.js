// The dermatologist's own licences to practise (listMyLicences / putMyLicence / deleteMyLicence):
// on the person, whichever clinics they work for. A case is offered to them only where a licence
// of theirs is valid on the day (docs/operations.md "Licences"); an expired one is shown as such.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { loadFailed, loading } from './problems.js';

const PATH = '/me/licences';
const FIELDS = ['jurisdiction', 'number', 'expiresOn'];

/** The link beside the worklist's title. */
export function licencesLink() {
  return h('a', { href: '#licences', id: 'licences-link', class: 'button button--secondary button--small' }, t('licences.link'));
}

/** `expiresOn` (a day, UTC) in the page's language, the same day wherever the browser is. */
function dayText(day) {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day
    : date.toLocaleDateString(document.documentElement.lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function licencesView(app) {
  app.setPage(t('licences.title'));
  const message = messageBox();
  const body = h('div', { id: 'licences-body' }, loading(t('licences.loading')));

  function show(list) {
    if (list.licences.length === 0) {
      replace(body, h('div', { class: 'card empty-state', id: 'licences-empty' }, h('p', {}, t('licences.none'))));
      return;
    }
    replace(body, h('table', { class: 'data-table', id: 'licences' },
      h('caption', { class: 'visually-hidden' }, t('licences.caption')),
      h('thead', {}, h('tr', {}, ['jurisdiction', 'number', 'expiresOn', 'status', 'actions'].map((c) => h('th', { scope: 'col' }, t(`licences.col.${c}`))))),
      h('tbody', {}, list.licences.map((licence) => h('tr', { 'data-jurisdiction': licence.jurisdiction },
        h('td', {}, licence.jurisdiction),
        h('td', {}, licence.number),
        h('td', {}, dayText(licence.expiresOn)),
        h('td', { class: licence.expired ? 'licence-expired' : 'licence-valid' },
          licence.expired ? t('licences.expired') : t('licences.valid')),
        h('td', {}, h('button', { type: 'button', class: 'button button--secondary button--small',
          'aria-label': t('licences.removeLabel', { jurisdiction: licence.jurisdiction }),
          onclick: () => remove(licence.jurisdiction) }, t('licences.remove'))))))));
  }

  async function load() {
    replace(body, loading(t('licences.loading')));
    try {
      show(await api(PATH, { identity: app.identity }));
    } catch (caught) {
      replace(body, loadFailed(caught, load));
    }
  }

  async function remove(jurisdiction) {
    message.clear();
    try {
      show(await api(`${PATH}/${encodeURIComponent(jurisdiction)}`, { method: 'DELETE', identity: app.identity }));
      message.info(t('licences.removed', { jurisdiction }));
    } catch (caught) {
      message.error(asPortalError(caught).message);
    }
  }

  const inputs = {
    jurisdiction: field({ label: t('licences.jurisdiction'), name: 'jurisdiction', hint: t('licences.jurisdictionHint'),
      maxlength: 6, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' }),
    number: field({ label: t('licences.number'), name: 'number', maxlength: 40, autocomplete: 'off' }),
    expiresOn: field({ label: t('licences.expiresOn'), name: 'expiresOn', type: 'date' }),
  };
  const formBox = messageBox();
  const save = submitButton(t('licences.save'), t('licences.saving'));
  const form = h('form', { class: 'form card', novalidate: true, id: 'licence-form' },
    h('h2', {}, t('licences.addTitle')),
    formBox.root, ...FIELDS.map((name) => inputs[name].root), h('div', { class: 'actions' }, save.button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formBox.clear();
    message.clear();
    FIELDS.forEach((name) => inputs[name].setError(null));
    const body = {
      jurisdiction: inputs.jurisdiction.input.value.trim().toUpperCase(),
      number: inputs.number.input.value,
      expiresOn: inputs.expiresOn.input.value,
    };
    await save.busyWhile(async () => {
      try {
        const saved = await api(PATH, { method: 'PUT', identity: app.identity, body });
        FIELDS.forEach((name) => { inputs[name].input.value = ''; });
        message.info(saved.expired ? t('licences.savedExpired', { jurisdiction: saved.jurisdiction })
          : t('licences.saved', { jurisdiction: saved.jurisdiction }));
        await load();
      } catch (caught) {
        const named = FIELDS.filter((name) => (caught.errors ?? []).some((e) => e.pointer === `/${name}`));
        if (named.length === 0) {
          formBox.error(asPortalError(caught).message);
          return;
        }
        named.forEach((name) => inputs[name].setError(t(`licences.invalid.${name}`)));
        inputs[named[0]].input.focus();
      }
    });
  });

  app.mount({ onKey(event) { if (event.key === 'Escape') { app.go(''); return true; } return false; } });
  load();
  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'licences-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': t('case.breadcrumb') }, h('a', { href: '#' }, t('case.toWorklist'))),
    h('h1', { id: 'page-title', tabindex: '-1' }, t('licences.title')),
    h('p', { class: 'hint' }, t('licences.explain')),
    message.root,
    body,
    form);
}
