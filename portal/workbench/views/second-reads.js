// Second reads (docs/quality.md): answered rounds a clinic's policy chose to be read again by
// another dermatologist, oldest first, and the blind read itself: the case as the first reader saw
// it but without their answer, a diagnosis from the coded list and a management category.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { siteText } from '../clinical-words.js';
import { caseHistory, dateText } from './case-history.js';
import { photoPanel } from './photo-panel.js';
import { diagnosisPicker } from './diagnosis-picker.js';
import { MANAGEMENT } from './answer-form.js';
import { loadFailed, loading } from './problems.js';

const readPath = (item) => `/clinics/${encodeURIComponent(item.tenantId)}/second-reads/${encodeURIComponent(item.caseId)}/rounds/${item.round}`;

/**
 * Every clinic's open second reads, oldest offered first (listSecondReads per clinic; the API
 * leaves out the rounds this dermatologist answered). Kept on `app.secondReads` for the count.
 */
export async function loadSecondReads(app) {
  const list = app.worklist;
  if (!list.loaded) await list.reload();
  const clinics = [...list.clinics];
  const pages = await Promise.all(clinics.map(([tenantId]) =>
    api(`/clinics/${encodeURIComponent(tenantId)}/second-reads`, { identity: app.identity })));
  const items = pages.flatMap((page, i) => page.items.map((item) => ({ ...item, tenantId: clinics[i][0], clinicName: clinics[i][1] })));
  items.sort((a, b) => a.offeredAt.localeCompare(b.offeredAt));
  app.secondReads = items;
  return items;
}

/**
 * The link beside the worklist's title: "Second reads (3)". `refresh()` once the worklist loaded
 * (it knows the clinics) fills in the count.
 */
export function secondReadsLink(app) {
  const count = h('span', { id: 'second-reads-count' }, app.secondReads ? String(app.secondReads.length) : '…');
  const root = h('a', { href: '#second-reads', id: 'second-reads-link', class: 'button button--secondary button--small' },
    t('secondReads.link'), ' (', count, ')');
  return {
    root,
    refresh() {
      loadSecondReads(app).then((items) => { count.textContent = String(items.length); }).catch(() => { count.textContent = '?'; });
    },
  };
}

export function secondReadsView(app, flash) {
  app.setPage(t('secondReads.title'));
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const summary = h('p', { class: 'lead', id: 'second-reads-summary', 'aria-live': 'polite' });
  const body = h('div', { id: 'second-reads-body' }, loading(t('secondReads.loading')));

  async function load() {
    replace(body, loading(t('secondReads.loading')));
    try {
      draw(await loadSecondReads(app));
    } catch (caught) {
      replace(body, loadFailed(caught, load));
    }
  }

  function draw(items) {
    summary.textContent = items.length === 1 ? t('secondReads.countOne') : t('secondReads.countMany', { count: items.length });
    if (items.length === 0) {
      replace(body, h('div', { class: 'card empty-state', id: 'second-reads-empty' }, h('p', {}, t('secondReads.none'))));
      return;
    }
    replace(body, h('table', { class: 'data-table', id: 'second-reads' },
      h('caption', { class: 'visually-hidden' }, t('secondReads.caption')),
      h('thead', {}, h('tr', {}, ['offered', 'clinic', 'round', 'actions'].map((c) => h('th', { scope: 'col' }, t(`secondReads.col.${c}`))))),
      h('tbody', {}, items.map((item) => h('tr', { 'data-case': item.caseId, 'data-round': item.round },
        h('td', {}, dateText(item.offeredAt)),
        h('td', {}, item.clinicName),
        h('td', {}, String(item.round)),
        h('td', {}, h('a', { class: 'button button--small', href: `#second-read/${item.tenantId}/${item.caseId}/${item.round}`,
          'aria-label': t('secondReads.readLabel', { clinic: item.clinicName, offered: dateText(item.offeredAt) }) },
        t('secondReads.read'))))))));
  }

  app.mount({ onKey(event) { if (event.key === 'Escape') { app.go(''); return true; } return false; } });
  load();
  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'second-reads-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': t('case.breadcrumb') }, h('a', { href: '#' }, t('case.toWorklist'))),
    h('h1', { id: 'page-title', tabindex: '-1' }, t('secondReads.title')),
    summary,
    h('p', { class: 'hint' }, t('secondReads.explain')),
    message.root,
    body);
}

/** One blind second read: the case without its answers, and the short form. */
export function secondReadView(app, item) {
  app.setPage(t('secondRead.page'));
  const message = messageBox();
  const title = h('h1', { id: 'page-title', tabindex: '-1' }, t('secondRead.page'));
  const body = h('div', { class: 'case-body' }, loading(t('case.opening')));
  let photos = null;
  let form = null;

  async function load() {
    replace(body, loading(t('case.opening')));
    let review;
    try {
      review = await api(readPath(item), { identity: app.identity });
    } catch (caught) {
      const error = asPortalError(caught);
      if (error.kind === 'forbidden' || error.kind === 'not-found') {
        replace(body, h('div', { class: 'card', id: 'second-read-unavailable' },
          h('p', {}, t(error.kind === 'forbidden' ? 'secondRead.ownAnswer' : 'secondRead.gone')),
          h('a', { href: '#second-reads', class: 'button button--secondary button--small' }, t('secondRead.backToQueue'))));
      } else {
        replace(body, loadFailed(caught, load));
      }
      return;
    }
    title.textContent = `${t('secondRead.page')}: ${review.clinicName} · ${(review.intake?.bodySites ?? []).map(siteText).join(', ') || t('case.word')}`;
    photos = photoPanel(review);
    form = readForm();
    replace(body,
      h('div', { class: 'case-columns' },
        h('div', { class: 'case-column case-column--history' }, caseHistory(review)),
        h('div', { class: 'case-column case-column--photos' }, photos.root)),
      h('div', { class: 'case-columns case-columns--answer' }, h('div', { class: 'case-column' }, form.root)));
  }

  function readForm() {
    const box = messageBox();
    const diagnosis = diagnosisPicker(app, { label: t('answer.diagnosis'), name: 'secondReadDiagnosis',
      onPick: () => diagnosis.setError(null) });
    const management = field({ label: t('answer.management'), name: 'management', tag: 'select',
      hint: t('secondRead.managementHint'),
      options: [h('option', { value: '' }, t('answer.choose')), ...MANAGEMENT.map((m) => h('option', { value: m }, t(`answer.management.${m}`)))] });
    management.input.addEventListener('change', () => management.setError(null));
    const send = h('button', { type: 'submit', class: 'button', id: 'send-second-read', 'aria-keyshortcuts': 'Control+Enter' }, t('secondRead.send'));
    const root = h('form', { class: 'form answer-form', novalidate: true, id: 'second-read-form', 'aria-labelledby': 'second-read-title' },
      h('h2', { id: 'second-read-title' }, t('secondRead.formTitle')),
      h('p', { class: 'hint' }, t('secondRead.blind')),
      box.root, diagnosis.root, management.root,
      h('div', { class: 'actions actions--inline' }, send, h('p', { class: 'hint' }, t('answer.sendKeys'))));
    const byPointer = { '/diagnosisCode': diagnosis, '/management': management };

    async function submit() {
      box.clear();
      diagnosis.setError(null);
      management.setError(null);
      const missing = [];
      if (!diagnosis.value()) missing.push([diagnosis, t('secondRead.diagnosisMissing')]);
      if (!management.input.value) missing.push([management, t('secondRead.managementMissing')]);
      if (missing.length) {
        for (const [f, text] of missing) f.setError(text);
        box.error(t('secondRead.fix'));
        missing[0][0].input.focus();
        return;
      }
      send.disabled = true;
      send.setAttribute('aria-busy', 'true');
      try {
        await api(readPath(item), { method: 'POST', identity: app.identity,
          body: { diagnosisCode: diagnosis.value().code, management: management.input.value } });
        app.secondReads = (app.secondReads ?? []).filter((x) => !(x.caseId === item.caseId && x.round === item.round && x.tenantId === item.tenantId));
        app.go('second-reads', { flash: { kind: 'info', text: t('secondRead.sent') } });
      } catch (caught) {
        const error = asPortalError(caught);
        const marked = (caught.errors ?? []).filter((e) => byPointer[e.pointer]);
        if (marked.length) {
          for (const e of marked) byPointer[e.pointer].setError(t('form.invalid', { detail: e.detail }));
          box.error(t('secondRead.fix'));
          byPointer[marked[0].pointer].input.focus();
        } else if (error.kind === 'forbidden') {
          box.error(t('secondRead.ownAnswer')); box.root.focus();
        } else if (error.kind === 'conflict') {
          box.error(t('secondRead.taken')); box.root.focus();
        } else if (error.kind === 'not-found') {
          box.error(t('secondRead.gone')); box.root.focus();
        } else if (error.kind !== 'session-expired') {
          box.error(error.message); box.root.focus();
        }
      } finally {
        send.disabled = false;
        send.removeAttribute('aria-busy');
      }
    }
    root.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
    // Enter in the diagnosis field picks a match, never sends; Ctrl+Enter sends (shortcuts.js).
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.ctrlKey && event.target.tagName === 'INPUT') event.preventDefault();
    });
    return { root, submit, focusDiagnosis: () => diagnosis.input.focus() };
  }

  app.mount({
    onKey(event) {
      switch (event.key) {
        case 'submit': form?.submit(); return Boolean(form);
        case '+': case '=': photos?.zoomBy(1.25); return Boolean(photos);
        case '-': photos?.zoomBy(0.8); return Boolean(photos);
        case '0': photos?.fit(); return Boolean(photos);
        case ']': return Boolean(photos?.step(1));
        case '[': return Boolean(photos?.step(-1));
        case 'd': form?.focusDiagnosis(); return Boolean(form);
        case 'Escape': app.go('second-reads'); return true;
        default: return false;
      }
    },
  });
  load();
  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'second-read-view', 'data-case': item.caseId },
    h('nav', { class: 'breadcrumb', 'aria-label': t('case.breadcrumb') }, h('a', { href: '#second-reads' }, t('secondRead.toQueue'))),
    h('div', { class: 'wb-titlebar' }, title),
    message.root,
    body);
}
