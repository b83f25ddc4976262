// The dashboard, the first section after sign-in: cases by status now, and per ISO week the
// turnaround (p50 and p90), SLA breaches and the share of cases with a photo retaken. Each chart
// has a table with the same figures (the charts are hidden from screen readers).

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { sectionHeader, showFlash } from './common.js';
import { loadingSection, loadFailed } from './problems.js';
import { barChart, lineChart } from './charts.js';

const STATUS_NAMES = {
  DRAFT: 'Started, not sent', SUBMITTED: 'Sent', QUEUED: 'Waiting for a dermatologist',
  MORE_INFO_REQUESTED: 'Waiting for the patient', ANSWERED: 'Answered', FOLLOW_UP_DUE: 'Follow-up due',
  CLOSED: 'Closed', FAILED: 'Needs attention',
};

export function dashboardView(app, flash) {
  app.setPage('Dashboard');
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
    sectionHeader('Dashboard', 'How your clinic’s service is doing over the last 12 weeks. Weeks run Monday to Sunday (UTC); this week is still running.'),
    message.root,
    body);
}

function figuresView(figures) {
  const weeks = figures.byWeek;
  const started = figures.casesByStatus.reduce((sum, s) => sum + s.count, 0);
  if (started === 0) {
    return h('div', { class: 'card dashboard-empty', id: 'dashboard-empty' },
      h('h2', {}, 'No cases yet'),
      h('p', {}, 'Once patients send cases through your clinic’s page, you’ll see here how many there are, how quickly they are answered, SLA breaches and how often photos had to be taken again.'));
  }
  const labels = weeks.map((w) => shortDate(w.startsOn));
  return [
    !figures.complete ? h('p', { class: 'notice', role: 'note' },
      'Your clinic had more cases in these weeks than the dashboard reads at once: the figures cover the earliest of them.') : null,
    h('div', { class: 'dashboard-grid' },
      statusCard(figures.casesByStatus, started),
      chartCard('turnaround', 'Time to answer',
        'Hours from a case being sent to its first answer, for cases sent each week: half were answered within the median (p50), nine in ten within p90.',
        lineChart(labels, [
          { name: 'p50', values: weeks.map((w) => w.turnaroundHoursP50), className: 'series-1' },
          { name: 'p90', values: weeks.map((w) => w.turnaroundHoursP90), className: 'series-2' },
        ]),
        h('ul', { class: 'chart-legend' }, h('li', { class: 'series-1' }, 'Median (p50)'), h('li', { class: 'series-2' }, 'p90')),
        table(['Week of', 'Sent', 'Answered', 'Median hours', 'p90 hours'],
          weeks.map((w) => [longDate(w.startsOn), w.submitted, w.answered, hours(w.turnaroundHoursP50), hours(w.turnaroundHoursP90)]))),
      chartCard('breaches', 'SLA breaches',
        'Cases not answered within your service level, by the week they fell due.',
        barChart(labels, weeks.map((w) => w.slaBreaches)),
        null,
        table(['Week of', 'Breaches'], weeks.map((w) => [longDate(w.startsOn), w.slaBreaches]))),
      chartCard('retakes', 'Photos taken again',
        'Share of each week’s cases where a photo had to be retaken, or was kept although the check advised a new one.',
        barChart(labels, weeks.map((w) => (w.retakeShare === null ? null : w.retakeShare * 100)),
          { floor: 10, format: (v) => `${Math.round(v)}%` }),
        null,
        table(['Week of', 'Sent', 'With a retake', 'Share'],
          weeks.map((w) => [longDate(w.startsOn), w.submitted, w.casesWithRetake, percent(w.retakeShare)])))),
  ];
}

function statusCard(statuses, started) {
  const max = Math.max(...statuses.map((s) => s.count));
  return h('section', { class: 'card dashboard-card', id: 'dashboard-status', 'aria-labelledby': 'status-title' },
    h('h2', { id: 'status-title' }, 'Cases by status'),
    h('p', { class: 'hint' }, `Where the ${started} cases started or sent in these weeks are now.`),
    h('table', { class: 'status-bars' },
      h('caption', { class: 'visually-hidden' }, 'Cases by current status'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Cases'))),
      h('tbody', {}, statuses.map((s) => h('tr', {},
        h('th', { scope: 'row' }, STATUS_NAMES[s.status] ?? s.status),
        h('td', {}, bar(s.count / max), h('span', { class: 'status-bars__count' }, String(s.count))))))));
}

/** A horizontal bar; its width is set through the CSSOM (the page's CSP refuses style attributes). */
function bar(share) {
  const fill = h('span', { class: 'status-bars__fill' });
  fill.style.width = `${Math.max(2, Math.round(share * 100))}%`;
  return h('span', { class: 'status-bars__bar', 'aria-hidden': 'true' }, fill);
}

function chartCard(id, title, hint, chart, legend, figures) {
  const details = h('details', { class: 'chart-table' }, h('summary', {}, `${title}: the figures`), figures);
  return h('section', { class: 'card dashboard-card', id: `dashboard-${id}`, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), h('p', { class: 'hint' }, hint), chart, legend, details);
}

function table(headings, rows) {
  return h('table', { class: 'figures' },
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first),
      rest.map((v) => h('td', {}, String(v)))))));
}

function hours(value) {
  return value === null || value === undefined ? '–' : value.toFixed(1);
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

function shortDate(isoDate) {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function longDate(isoDate) {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}
