// Answer templates: the clinic's list (diagnosis, languages, whether it still needs the clinic's
// clinical review), the starter set's import (idempotent: the API never overwrites a template),
// and the editor (template-editor.js). A template is offered to dermatologists only once reviewed.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';
import { templateEditor } from './template-editor.js';

export function templatesView(app, flash) {
  app.setPage(t('nav.templates'));
  const message = messageBox();
  showFlash(message, flash);
  const body = h('div', { id: 'templates-body' }, loadingSection());
  const base = `/clinics/${encodeURIComponent(app.tenantId())}`;
  let languages = ['en'];

  const importButton = h('button', { type: 'button', class: 'button button--secondary', id: 'import-starters',
    onclick: async () => {
      importButton.disabled = true;
      importButton.setAttribute('aria-busy', 'true');
      try {
        const done = await api(`${base}/answer-template-imports`, { method: 'POST', identity: app.identity });
        message.info(t('templates.imported', { imported: done.imported, present: done.alreadyPresent }));
        message.root.focus();
        await showList();
      } catch (caught) {
        showProblem(caught, { message });
      } finally {
        importButton.disabled = false;
        importButton.removeAttribute('aria-busy');
      }
    } }, t('templates.import'));
  const newButton = h('button', { type: 'button', class: 'button', id: 'new-template',
    onclick: () => edit(null) }, t('templates.new'));

  async function showList() {
    let listing;
    try {
      const [found, settings] = await Promise.all([
        api(`${base}/answer-templates`, { identity: app.identity }),
        api(`${base}/settings`, { identity: app.identity }),
      ]);
      listing = found.templates;
      const offered = (settings.config.languages ?? []).map((l) => String(l).split('-')[0]);
      languages = offered.length ? [...new Set(offered)] : ['en'];
    } catch (caught) {
      replace(body, loadFailed(app, caught, showList));
      return;
    }
    replace(body, listing.length ? table(listing) : h('p', { class: 'hint', id: 'no-templates' }, t('templates.none')));
  }

  function table(listing) {
    return h('table', { class: 'data-table', id: 'templates-table', 'aria-labelledby': 'templates-title' },
      h('thead', {}, h('tr', {},
        ['title', 'diagnosis', 'languages', 'status'].map((c) => h('th', { scope: 'col' }, t(`templates.col.${c}`))),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('templates.col.actions'))))),
      h('tbody', {}, listing.map((template) => h('tr', { 'data-template': template.id },
        h('th', { scope: 'row' }, template.title ?? template.id),
        h('td', {}, template.diagnosisCode),
        h('td', {}, Object.keys(template.texts).map((l) => l.toUpperCase()).join(', ')),
        h('td', {}, template.reviewed
          ? h('span', { class: 'badge badge--ok' }, t('templates.reviewed'))
          : h('span', { class: 'badge badge--warn', 'data-needs-review': 'true' }, t('templates.needsReview'))),
        h('td', {}, h('button', { type: 'button', class: 'button button--secondary button--small',
          onclick: () => edit(template) }, t('templates.edit'),
        h('span', { class: 'visually-hidden' }, ` ${template.title ?? template.id}`)))))));
  }

  function edit(template) {
    const editor = templateEditor(app, {
      base, template, languages,
      onDone: async (text) => {
        replace(body, loadingSection());
        actions.hidden = false;
        if (text) message.info(text);
        else message.clear();
        await showList();
        message.root.focus();
      },
    });
    message.clear();
    actions.hidden = true;
    replace(body, editor.root);
    editor.focus();
  }

  const actions = h('div', { class: 'actions actions--inline' }, newButton, importButton);
  showList();
  return h('section', { 'aria-labelledby': 'page-title', id: 'templates' },
    sectionHeader(t('nav.templates'), t('templates.lead')),
    h('p', { class: 'hint' }, t('templates.reviewHint')),
    message.root,
    actions,
    h('h2', { id: 'templates-title' }, t('templates.listTitle')),
    body);
}
