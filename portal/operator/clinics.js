// The operator console's one page: the platform's health (the same checks as /health, for this
// region's stack), then every clinic with its status, plan, this month's usage and review queue,
// and the operator's actions on one clinic (suspend, resume, change the plan), each with a reason.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';

const PLAN_LIMITS = ['requestsPerSecond', 'burst', 'casesPerMonth', 'storageMb'];

export function clinicsView(app, flash) {
  app.setPage(t('clinics.title'));
  const message = messageBox();
  if (flash) message.info(flash.text);
  const health = h('div', { id: 'health-body' }, loading());
  const list = h('div', { id: 'clinics-body' }, loading());
  const action = h('div', { id: 'clinic-action' });
  const clinics = [];
  const loadHealth = async () => {
    // /health answers 503 with the same body when a check fails: read it either way.
    const response = await fetch('/health', { cache: 'no-store' }).catch(() => null);
    const report = response ? await response.json().catch(() => null) : null;
    replace(health, report ? healthTable(report) : h('p', { class: 'error-summary', role: 'alert' }, t('health.unreachable')));
  };
  const loadClinics = async (cursor = null) => {
    if (!cursor) clinics.length = 0;
    try {
      const page = await api(`/platform/clinics?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { identity: app.identity });
      clinics.push(...page.clinics);
      replace(list, clinicTable(clinics, (clinic, kind) => replace(action, actionForm(app, clinic, kind, {
        done: (text) => { replace(action); message.info(text); loadClinics(); },
        cancel: () => replace(action),
      }))), page.nextCursor
        ? h('button', { type: 'button', class: 'button button--secondary', id: 'more-clinics', onclick: () => loadClinics(page.nextCursor) }, t('clinics.more'))
        : null);
    } catch (error) {
      replace(list, h('div', { class: 'error-summary', role: 'alert', id: 'load-failed' },
        h('p', {}, `${t('clinics.loadFailed')} ${error.message}`),
        h('button', { type: 'button', class: 'button button--secondary', onclick: () => loadClinics() }, t('text.tryAgain'))));
    }
  };
  loadHealth();
  loadClinics();
  return h('div', { id: 'operator' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('clinics.title')),
    message.root,
    h('section', { 'aria-labelledby': 'health-title', id: 'health' },
      h('h2', { id: 'health-title' }, t('health.title')),
      h('p', {}, t('health.lead')),
      health),
    h('section', { 'aria-labelledby': 'clinics-title', id: 'clinics' },
      h('h2', { id: 'clinics-title' }, t('clinics.heading')),
      h('p', {}, t('clinics.lead')),
      list,
      h('p', { class: 'hint', id: 'queue-note' }, t('clinics.queueNote')),
      action));
}

function healthTable(report) {
  return [
    h('p', { id: 'health-status', class: report.status === 'ok' ? '' : 'health-check--down' },
      t(report.status === 'ok' ? 'health.ok' : 'health.degraded', { version: report.version })),
    h('table', { class: 'figures', id: 'health-table' },
      h('caption', {}, t('health.region')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('health.service')), h('th', { scope: 'col' }, t('health.state')))),
      h('tbody', {}, Object.entries(report.checks).map(([service, state]) => h('tr', { 'data-service': service },
        h('th', { scope: 'row' }, service),
        h('td', { class: state === 'up' ? '' : 'health-check--down' }, t(`health.${state === 'up' ? 'up' : 'down'}`)))))),
  ];
}

function clinicTable(clinics, choose) {
  const headings = ['clinic', 'status', 'plan', 'cases', 'photos', 'stored', 'cost', 'waiting', 'overdue', 'actions']
    .map((name) => h('th', { scope: 'col' }, t(`clinics.col.${name}`)));
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'figures', id: 'clinics-table' },
      h('caption', { class: 'visually-hidden' }, t('clinics.caption')),
      h('thead', {}, h('tr', {}, headings)),
      h('tbody', {}, clinics.map((c) => h('tr', { 'data-tenant': c.tenantId },
        h('th', { scope: 'row' }, c.displayName, h('br'), h('span', { class: 'hint' }, c.tenantId)),
        h('td', { class: `clinic-status clinic-status--${c.status}` }, t(`status.${c.status}`)),
        h('td', { class: 'clinic-plan' }, t('clinics.plan', {
          tier: c.plan.tier, rate: number(c.plan.requestsPerSecond), burst: number(c.plan.burst),
          cases: number(c.plan.casesPerMonth), storage: size(c.plan.storageMb * 1_000_000),
        })),
        h('td', { class: 'clinic-cases' }, number(c.usage.casesSubmitted)),
        h('td', { class: 'clinic-photos' }, number(c.usage.photosStored)),
        h('td', { class: 'clinic-stored' }, size(c.storedBytes)),
        h('td', { class: 'clinic-cost' }, dollars(c.usage.estimatedCostUsd)),
        h('td', { class: 'clinic-waiting' }, atLeast(c.queue.waiting, c.queue.complete)),
        h('td', { class: 'clinic-overdue' }, atLeast(c.queue.overdue, c.queue.complete)),
        h('td', {}, h('div', { class: 'operator-actions' },
          c.status === 'suspended'
            ? actionButton(c, 'resume', choose)
            : actionButton(c, 'suspend', choose),
          actionButton(c, 'plan', choose))))))));
}

function actionButton(clinic, kind, choose) {
  return h('button', {
    type: 'button', class: 'button button--secondary', 'data-action': kind,
    'aria-label': t(`action.${kind}.label`, { clinic: clinic.displayName }),
    onclick: () => choose(clinic, kind),
  }, t(`action.${kind}.button`));
}

/** The form of one action on one clinic: a reason always, the plan's fields for a plan change. */
function actionForm(app, clinic, kind, { done, cancel }) {
  const message = messageBox();
  const reason = field({ label: t('action.reason'), hint: t('action.reasonHint'), tag: 'textarea', name: 'reason', maxlength: 500, required: true, rows: 2 });
  const planFields = kind === 'plan'
    ? [field({ label: t('plan.tier'), name: 'tier', value: clinic.plan.tier, required: true })]
      .concat(PLAN_LIMITS.map((name) => field({ label: t(`plan.${name}`), name, inputmode: 'numeric', value: String(clinic.plan[name]), required: true })))
    : [];
  const submit = submitButton(t(`action.${kind}.submit`), t('action.busy'));
  const form = h('form', { id: 'clinic-action-form', class: 'operator-action-form card', novalidate: true },
    h('h2', { id: 'action-title', tabindex: '-1' }, t(`action.${kind}.title`, { clinic: clinic.displayName })),
    h('p', {}, t(`action.${kind}.lead`)),
    message.root,
    planFields.map((f) => f.root),
    reason.root,
    h('div', { class: 'operator-actions' }, submit.button,
      h('button', { type: 'button', class: 'button button--secondary', onclick: cancel }, t('action.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    for (const f of [reason, ...planFields]) f.setError(null);
    if (!reason.input.value.trim()) {
      reason.setError(t('action.reasonMissing'));
      reason.input.focus();
      return;
    }
    const path = `/clinics/${encodeURIComponent(clinic.tenantId)}/${kind}`;
    const body = { reason: reason.input.value };
    if (kind === 'plan') {
      // Numbers as typed: a value that is not a whole number goes as text and the API names it.
      body.plan = { tier: planFields[0].input.value };
      PLAN_LIMITS.forEach((name, i) => {
        const typed = planFields[i + 1].input.value.trim();
        body.plan[name] = /^[0-9]+$/.test(typed) ? Number(typed) : typed;
      });
    }
    try {
      await submit.busyWhile(() => api(path, { method: kind === 'plan' ? 'PUT' : 'POST', body, identity: app.identity }));
      done(t(`action.${kind}.done`, { clinic: clinic.displayName }));
    } catch (error) {
      const bad = (error.errors ?? []).map((e) => e.pointer);
      planFields.forEach((f) => { if (bad.includes(`/plan/${f.input.name}`)) f.setError(t('plan.invalid')); });
      if (bad.includes('/reason')) reason.setError(t('action.reasonMissing'));
      message.error(bad.length ? t('action.fixFields') : error.message);
    }
  });
  queueMicrotask(() => form.querySelector('h2').focus());
  return form;
}

function loading() {
  return h('div', { class: 'loading', role: 'status' }, h('p', {}, t('page.loading')));
}

function atLeast(count, complete) {
  return complete ? number(count) : t('clinics.atLeast', { count: number(count) });
}

function number(value) {
  return Number(value).toLocaleString(document.documentElement.lang);
}

function dollars(value) {
  return Number(value).toLocaleString(document.documentElement.lang,
    { style: 'currency', currency: 'USD', minimumFractionDigits: 4, maximumFractionDigits: 4 });
}

/** Bytes in the largest decimal unit that keeps a whole number in front (as S3 bills). */
function size(bytes) {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return value.toLocaleString(document.documentElement.lang,
    { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 });
}
