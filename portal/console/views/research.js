// Research exports (issue 17): the admin starts a de-identified, k-anonymous export of consenting
// patients' answered cases (a date range and k), follows its progress, reads its report and takes
// the ZIP through a short-lived, audited link. The pseudonym key is shown once, at the start.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { formatDateTime, t } from '/shared/i18n.js';
import { sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

/** How often a running export is read again; one export's steps take seconds to minutes. */
const POLL_MS = 1500;

export function researchView(app, flash) {
  app.setPage(t('nav.research'));
  const message = messageBox();
  showFlash(message, flash);
  const base = `/clinics/${encodeURIComponent(app.tenantId())}/research-exports`;
  const list = h('div', { id: 'research-exports', 'aria-live': 'polite' }, loadingSection());
  const keyBox = h('div', { id: 'research-key' });
  let timer = null;

  const today = new Date().toISOString().slice(0, 10);
  const from = field({ label: t('research.from'), name: 'from', type: 'date', required: true, value: `${today.slice(0, 4)}-01-01` });
  const to = field({ label: t('research.to'), name: 'to', type: 'date', required: true, value: today });
  const k = field({ label: t('research.k'), hint: t('research.kHint'), name: 'k', type: 'number', min: '2', max: '100', step: '1', required: true, value: '5' });
  const keep = h('input', { type: 'checkbox', id: 'research-keep-key', name: 'keepKey' });
  const start = submitButton(t('research.start'), t('research.starting'));
  start.button.id = 'research-start';
  const form = h('form', { class: 'form', id: 'research-form', novalidate: true },
    from.root, to.root, k.root,
    h('div', { class: 'field field--check' }, h('div', { class: 'check-row' }, keep, h('label', { for: 'research-keep-key' }, t('research.keepKey')))),
    h('div', { class: 'actions' }, start.button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    [from, to, k].forEach((f) => f.setError(null));
    const kValue = Number(k.input.value);
    if (!Number.isInteger(kValue)) { k.setError(t('research.kHint')); k.input.focus(); return; }
    await start.busyWhile(async () => {
      try {
        const started = await api(base, { method: 'POST', identity: app.identity,
          headers: { 'Idempotency-Key': `research-${crypto.randomUUID()}` },
          body: { from: from.input.value, to: to.input.value, k: kValue, keepKey: keep.checked } });
        replace(keyBox, h('div', { class: 'notice', role: 'status', id: 'research-key-notice' },
          h('p', {}, h('strong', {}, t('research.keyTitle'))), h('p', {}, t(started.keepKey ? 'research.keyKept' : 'research.keyOnce')),
          h('code', { id: 'research-key-value' }, started.pseudonymKey)));
        await showList();
      } catch (caught) {
        showProblem(caught, { message, fields: { '/from': from, '/to': to, '/k': k } });
      }
    });
  });

  async function showList() {
    clearTimeout(timer);
    let page;
    try {
      page = await api(`${base}?limit=20`, { identity: app.identity });
    } catch (caught) {
      replace(list, loadFailed(app, caught, showList));
      return;
    }
    if (!document.body.contains(list) && timer !== null) return; // the admin left the section
    replace(list, page.exports.length ? page.exports.map(exportCard) : h('p', { class: 'hint', id: 'research-none' }, t('research.none')));
    if (page.exports.some((e) => e.status === 'RUNNING')) timer = setTimeout(showList, POLL_MS);
    else timer = 0;
  }

  function exportCard(e) {
    const p = e.progress;
    const card = h('div', { class: 'card research-export', 'data-export': e.exportId, 'data-status': e.status },
      h('h2', {}, t('research.range', { from: e.from, to: e.to }), ' · ', `k = ${e.k}`),
      h('p', { class: 'status-message research-status' }, t(`research.status.${e.status}`),
        e.status === 'RUNNING' ? ` — ${t(`research.stage.${e.stage}`)}` : ''),
      h('p', { class: 'hint' }, t('research.progress', { patients: p.patientsChecked, cases: p.casesSelected, images: p.imagesSelected, prepared: p.imagesPrepared, planned: p.imagesPlanned })),
      h('p', { class: 'hint' }, t('research.requested', { name: e.requestedByName ?? '', time: formatDateTime(e.requestedAt) })));
    if (e.status === 'READY') {
      const report = h('div', { class: 'research-report' }, h('button', { type: 'button', class: 'link-button research-report-open',
        onclick: async (event) => {
          event.target.disabled = true;
          try {
            replace(report, reportView(await api(`${base}/${encodeURIComponent(e.exportId)}`, { identity: app.identity })));
          } catch (caught) {
            showProblem(caught, { message });
            event.target.disabled = false;
          }
        } }, t('research.showReport')));
      const linkBox = h('div', { class: 'research-link', 'aria-live': 'polite' });
      const download = h('button', { type: 'button', class: 'button research-download',
        onclick: async () => {
          download.disabled = true;
          try {
            const link = await api(`${base}/${encodeURIComponent(e.exportId)}/download`, { method: 'POST', identity: app.identity });
            // Short-lived and audited: shown, never stored.
            replace(linkBox, h('p', {}, h('a', { href: link.downloadUrl, class: 'button button--secondary research-zip', download: 'research-export.zip' }, t('research.zip'))),
              h('p', { class: 'hint' }, t('research.linkUntil', { time: formatDateTime(link.expiresAt) })));
          } catch (caught) {
            showProblem(caught, { message });
          } finally {
            download.disabled = false;
          }
        } }, t('research.download'));
      card.append(h('p', { class: 'hint' }, t('research.archive', { mb: (e.archive.bytes / 1048576).toFixed(1), sha: e.archive.sha256 })),
        h('div', { class: 'actions' }, download), linkBox, report);
    } else if (e.status === 'FAILED') {
      card.append(h('p', { class: 'field-error' }, t('research.failed')));
    }
    return card;
  }

  function reportView(full) {
    const r = full.report;
    const counts = (map) => h('ul', {}, Object.entries(map).map(([name, n]) => h('li', {}, `${name}: ${n}`)));
    const reasons = (list) => (list.length
      ? h('ul', {}, list.map((reason) => h('li', {}, `${t(`research.reason.${reason.code}`)}: ${reason.count}`)))
      : h('p', { class: 'hint' }, t('research.noneLeftOut')));
    return h('div', { class: 'research-report-body' },
      h('p', {}, t('research.counts', { patients: r.counts.patients, lesions: r.counts.lesions, images: r.counts.images })),
      h('h3', {}, t('research.byDiagnosis')),
      h('ul', {}, r.byDiagnosis.map((d) => h('li', {}, `${d.name} (${d.icd10}): ${d.images}`))),
      h('h3', {}, t('research.bySite')), counts(r.bySite),
      h('h3', {}, t('research.bySkinType')), counts(r.bySkinType),
      h('h3', {}, t('research.consentVersions')), counts(r.consentVersions),
      h('h3', {}, t('research.suppressed')), reasons(r.suppressed),
      h('p', { class: 'hint' }, t('research.generalised', { n: r.generalisedImages })),
      h('h3', {}, t('research.excluded')), reasons(r.excluded));
  }

  showList();
  return h('section', { 'aria-labelledby': 'page-title', id: 'research' },
    ...sectionHeader(t('nav.research'), t('research.lead')),
    message.root,
    h('div', { class: 'card' }, h('h2', {}, t('research.newTitle')), form, keyBox),
    list);
}
