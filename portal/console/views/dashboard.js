// The dashboard, the first section after sign-in: cases by status now, and per ISO week the
// turnaround (p50 and p90), SLA breaches and the share of cases with a photo retaken. Each chart
// has a table with the same figures (the charts are hidden from screen readers).

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { sectionHeader, showFlash } from './common.js';
import { loadingSection, loadFailed } from './problems.js';
import { barChart, lineChart } from './charts.js';

const STATUSES = ['DRAFT', 'SUBMITTED', 'QUEUED', 'MORE_INFO_REQUESTED', 'ANSWERED', 'FOLLOW_UP_DUE', 'CLOSED', 'FAILED'];
const statusName = (status) => (STATUSES.includes(status) ? t(`status.${status}`) : status);

export function dashboardView(app, flash) {
  app.setPage(t('dashboard.title'));
  const message = messageBox();
  showFlash(message, flash);
  const body = h('div', { id: 'dashboard-body' }, loadingSection());
  const load = async () => {
    replace(body, loadingSection());
    try {
      const figures = await api(`/clinics/${encodeURIComponent(app.tenantId())}/dashboard?weeks=12`,
        { identity: app.identity });
      replace(body, figuresView(figures));
    } catch (error) {
      replace(body, loadFailed(app, error, load));
    }
  };
  load();
  return h('section', { 'aria-labelledby': 'page-title', id: 'dashboard' },
    sectionHeader(t('dashboard.title'), t('dashboard.lead')),
    message.root,
    body);
}

function figuresView(figures) {
  const weeks = figures.byWeek;
  const started = figures.casesByStatus.reduce((sum, s) => sum + s.count, 0);
  if (started === 0) {
    return h('div', { class: 'card dashboard-empty', id: 'dashboard-empty' },
      h('h2', {}, t('dashboard.empty')),
      h('p', {}, t('dashboard.emptyText')));
  }
  const labels = weeks.map((w) => shortDate(w.startsOn));
  return [
    !figures.complete ? h('p', { class: 'notice', role: 'note' },
      t('dashboard.incomplete')) : null,
    h('div', { class: 'dashboard-grid' },
      statusCard(figures.casesByStatus, started),
      chartCard('turnaround', t('dashboard.turnaround'), t('dashboard.turnaroundText'),
        lineChart(labels, [
          { name: 'p50', values: weeks.map((w) => w.turnaroundHoursP50), className: 'series-1' },
          { name: 'p90', values: weeks.map((w) => w.turnaroundHoursP90), className: 'series-2' },
        ]),
        h('ul', { class: 'chart-legend' }, h('li', { class: 'series-1' }, t('dashboard.median')), h('li', { class: 'series-2' }, 'p90')),
        table(columns('week', 'sent', 'answered', 'medianHours', 'p90Hours'),
          weeks.map((w) => [longDate(w.startsOn), w.submitted, w.answered, hours(w.turnaroundHoursP50), hours(w.turnaroundHoursP90)]))),
      chartCard('breaches', t('dashboard.breaches'), t('dashboard.breachesText'),
        barChart(labels, weeks.map((w) => w.slaBreaches)),
        null,
        table(columns('week', 'breaches'), weeks.map((w) => [longDate(w.startsOn), w.slaBreaches]))),
      chartCard('retakes', t('dashboard.retakes'), t('dashboard.retakesText'),
        barChart(labels, weeks.map((w) => (w.retakeShare === null ? null : w.retakeShare * 100)),
          { floor: 10, format: (v) => `${Math.round(v)}%` }),
        null,
        table(columns('week', 'checked', 'retake', 'share'),
          weeks.map((w) => [longDate(w.startsOn), w.photosChecked, w.photosNeedingRetake, percent(w.retakeShare)])))),
  ];
}

function statusCard(statuses, started) {
  const max = Math.max(...statuses.map((s) => s.count));
  return h('section', { class: 'card dashboard-card', id: 'dashboard-status', 'aria-labelledby': 'status-title' },
    h('h2', { id: 'status-title' }, t('dashboard.status')),
    h('p', { class: 'hint' }, t('dashboard.statusText', { count: number(started) })),
    h('table', { class: 'status-bars' },
      h('caption', { class: 'visually-hidden' }, t('dashboard.statusCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dashboard.col.status')), h('th', { scope: 'col' }, t('dashboard.col.cases')))),
      h('tbody', {}, statuses.map((s) => h('tr', {},
        h('th', { scope: 'row' }, statusName(s.status)),
        h('td', {}, bar(s.count / max), h('span', { class: 'status-bars__count' }, number(s.count))))))));
}

/** A horizontal bar; its width is set through the CSSOM (the page's CSP refuses style attributes). */
function bar(share) {
  const fill = h('span', { class: 'status-bars__fill' });
  fill.style.width = `${Math.max(2, Math.round(share * 100))}%`;
  return h('span', { class: 'status-bars__bar', 'aria-hidden': 'true' }, fill);
}

function chartCard(id, title, hint, chart, legend, figures) {
  const details = h('details', { class: 'chart-table' }, h('summary', {}, t('dashboard.figures', { title })), figures);
  return h('section', { class: 'card dashboard-card', id: `dashboard-${id}`, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), h('p', { class: 'hint' }, hint), chart, legend, details);
}

function table(headings, rows) {
  return h('table', { class: 'figures' },
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first),
      rest.map((v) => h('td', {}, typeof v === 'number' ? number(v) : String(v)))))));
}

function hours(value) {
  return value === null || value === undefined ? '–'
    : value.toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function percent(share) {
  return share === null || share === undefined ? '–'
    : share.toLocaleString(document.documentElement.lang, { style: 'percent' });
}

function shortDate(isoDate) {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(document.documentElement.lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function longDate(isoDate) {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(document.documentElement.lang, { dateStyle: 'medium', timeZone: 'UTC' });
}

function columns(...names) {
  return names.map((name) => t(`dashboard.col.${name}`));
}

function number(value) {
  return value.toLocaleString(document.documentElement.lang);
}
