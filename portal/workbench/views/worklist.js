// The merged worklist: every case waiting in every clinic of the dermatologist, most urgent first,
// with a ticking SLA countdown, the triage reasons, the close-up's thumbnail and who holds it.

import { h, replace, uid } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { dueText, secondsLeft } from '../worklist-state.js';
import { worklistSite } from '../clinical-words.js';
import { loadFailed, loading } from './problems.js';
import { secondReadsLink } from './second-reads.js';
import { flaggedLink } from './flagged.js';
import { licencesLink } from './licences.js';

const priorityWords = (priority) => (['URGENT', 'SOON', 'ROUTINE'].includes(priority) ? t(`priority.${priority}`) : priority);

export function worklistView(app, flash) {
  app.setPage(t('worklist.title'));
  const list = app.worklist;
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const body = h('div', { id: 'worklist-body' }, loading(t('worklist.loading')));
  const summary = h('p', { class: 'lead', id: 'worklist-summary', 'aria-live': 'polite' });
  const filterId = uid('clinic-filter');
  const filter = h('select', { id: filterId, name: 'clinic' });
  filter.addEventListener('change', () => {
    list.setClinic(filter.value);
    load();
  });
  let tableBody = null;
  const secondReads = secondReadsLink(app);
  const flagged = flaggedLink(app);

  async function load() {
    replace(body, loading(t('worklist.loading')));
    try {
      await list.reload();
      draw();
      secondReads.refresh();
      flagged.refresh();
    } catch (caught) {
      replace(body, loadFailed(caught, load));
    }
  }

  function drawFilter() {
    const options = [h('option', { value: '' }, t('worklist.allClinics'))];
    for (const [tenantId, name] of [...list.clinics].sort((a, b) => a[1].localeCompare(b[1]))) {
      options.push(h('option', { value: tenantId, selected: tenantId === list.clinic }, name));
    }
    replace(filter, options);
    filter.value = list.clinic;
  }

  function draw() {
    drawFilter();
    const rows = list.rows;
    summary.textContent = rows.length === 0
      ? t('worklist.nothing')
      : countText(rows.length, Boolean(list.cursor));
    if (rows.length === 0) {
      replace(body, h('div', { class: 'card empty-state', id: 'worklist-empty' },
        h('p', {}, t('worklist.caughtUp'))));
      return;
    }
    tableBody = h('tbody', {}, rows.map((row, index) => rowView(row, index)));
    replace(body,
      h('table', { class: 'data-table worklist-table', id: 'worklist' },
        h('caption', { class: 'visually-hidden' }, t('worklist.caption')),
        h('thead', {}, h('tr', {},
          ['photo', 'priority', 'due', 'clinic', 'site', 'reasons', 'claim', 'actions']
            .map((column) => h('th', { scope: 'col' }, t(`worklist.col.${column}`))))),
        tableBody),
      list.cursor
        ? h('button', { type: 'button', class: 'button button--secondary button--small', id: 'worklist-more', onclick: more }, t('worklist.more'))
        : null);
    select(list.selected, false);
    tick();
  }

  function rowView(row, index) {
    const label = t('worklist.rowLabel', { priority: priorityWords(row.priority), clinic: row.clinicName });
    return h('tr', { 'data-case': row.caseId, 'data-tenant': row.tenantId, 'data-index': index,
      class: row.claim === 'other' ? 'is-held' : null,
      onclick: () => { list.selected = index; select(index, false); } },
    h('td', {}, row.thumbnailUrl
      ? h('img', { class: 'thumb', src: row.thumbnailUrl, alt: t('worklist.photoAlt', { sites: row.bodySites.map(worklistSite).join(', ') || t('worklist.noSite') }), width: 64, height: 64, loading: 'lazy',
        // A thumbnail not made (yet): a calm placeholder, not a broken image.
        onerror: (event) => event.target.replaceWith(noPreview()) })
      : noPreview()),
    h('td', {}, h('span', { class: `priority priority--${row.priority.toLowerCase()}` }, priorityWords(row.priority)),
      row.preferredForMe ? h('span', { class: 'tag', title: t('worklist.backToYouTitle') }, t('worklist.backToYou')) : null),
    h('td', {}, h('span', { class: 'due', 'data-due-index': index }, dueText(secondsLeft(row)))),
    h('td', {}, row.clinicName),
    h('td', {}, row.bodySites.map(worklistSite).join(', ') || '—'),
    h('td', {}, row.triageReasons.length
      ? h('ul', { class: 'reasons' }, row.triageReasons.map((reason) => h('li', {}, reason)))
      : '—'),
    h('td', { class: 'claim-cell' }, claimWords(row)),
    h('td', { class: 'row-actions' },
      h('button', { type: 'button', class: 'button button--small', 'data-action': 'claim',
        disabled: row.claim === 'other', onclick: () => claim(row),
        // The accessible name starts with the visible word (WCAG 2.5.3), for a case of one's own too.
        'aria-label': t(row.claim === 'mine' ? 'worklist.continueLabel' : 'worklist.claimLabel', { row: label }) },
      row.claim === 'mine' ? t('worklist.continue') : t('worklist.claim')),
      h('button', { type: 'button', class: 'button button--secondary button--small', 'data-action': 'open',
        'aria-label': t('worklist.openLabel', { row: label }), onclick: () => open(row) }, t('worklist.open'))));
  }

  function noPreview() {
    return h('span', { class: 'thumb thumb--none' }, t('worklist.noPreview'));
  }

  function claimWords(row) {
    if (row.claim === 'mine') return h('span', { class: 'claim claim--mine' }, t('worklist.yours'));
    if (row.claim === 'other') return h('span', { class: 'claim claim--other' }, t('worklist.held'));
    return h('span', { class: 'claim' }, t('worklist.free'));
  }

  /** Marks row `index` as selected; focus follows when the keyboard moved it. */
  function select(index, focus) {
    if (!tableBody || list.rows.length === 0) return;
    list.selected = Math.max(0, Math.min(index, list.rows.length - 1));
    for (const tr of tableBody.children) {
      const on = Number(tr.dataset.index) === list.selected;
      tr.classList.toggle('is-selected', on);
      if (on) tr.setAttribute('aria-current', 'true'); else tr.removeAttribute('aria-current');
    }
    const tr = tableBody.children[list.selected];
    if (focus) {
      const button = tr.querySelector('button:not([disabled])');
      button?.focus();
      tr.scrollIntoView({ block: 'nearest' });
    }
    // The row the dermatologist will most likely open next: its photo is in the cache by then.
    list.prefetch(list.rows[list.selected]);
    list.prefetch(list.rows[list.selected + 1]);
  }

  async function claim(row) {
    message.clear();
    try {
      await list.claim(row.tenantId, row.caseId);
      open(row);
    } catch (caught) {
      const error = asPortalError(caught);
      if (error.kind === 'session-expired') return;
      if (error.kind === 'conflict') {
        message.error(caught.problemType === 'urn:dermrelay:problem:case-not-queued'
          ? t('worklist.notQueued')
          : t('worklist.lost'));
        await load();
      } else {
        message.error(error.message);
      }
      message.root.focus();
    }
  }

  function open(row) {
    app.go(`case/${row.tenantId}/${row.caseId}`);
  }

  async function more() {
    const button = document.getElementById('worklist-more');
    button?.setAttribute('aria-busy', 'true');
    try {
      const before = list.rows.length;
      await list.more();
      draw();
      select(before, true);
    } catch (caught) {
      message.error(asPortalError(caught).message);
    }
  }

  function tick() {
    if (!tableBody) return;
    for (const cell of tableBody.querySelectorAll('.due')) {
      const row = list.rows[Number(cell.dataset.dueIndex)];
      const left = secondsLeft(row);
      cell.textContent = dueText(left);
      cell.classList.toggle('due--overdue', left < 0);
      cell.classList.toggle('due--close', left >= 0 && left < 3600);
    }
  }

  const timer = setInterval(tick, 1000);
  app.mount({
    dispose: () => clearInterval(timer),
    onKey(event) {
      const row = list.rows[list.selected];
      switch (event.key) {
        case 'j': case 'ArrowDown': case 'n': select(list.selected + 1, true); return true;
        case 'k': case 'ArrowUp': select(list.selected - 1, true); return true;
        case 'c': if (row && row.claim !== 'other') claim(row); return Boolean(row);
        case 'o': case 'Enter': if (row) open(row); return Boolean(row);
        default: return false;
      }
    },
  });
  load();

  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'worklist-view' },
    h('div', { class: 'wb-titlebar' },
      h('div', {},
        h('h1', { id: 'page-title', tabindex: '-1' }, t('worklist.title')),
        summary),
      h('div', { class: 'wb-titlebar__tools' }, secondReads.root, flagged.root, licencesLink(),
        h('div', { class: 'field field--inline' }, h('label', { for: filterId }, t('worklist.clinic')), filter))),
    message.root,
    body,
    h('p', { class: 'hint' }, t('worklist.keysHint')));
}

function countText(count, more) {
  if (more) return t('worklist.countMore', { count: count.toLocaleString(document.documentElement.lang) });
  return count === 1 ? t('worklist.countOne') : t('worklist.countMany', { count: count.toLocaleString(document.documentElement.lang) });
}
