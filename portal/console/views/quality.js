// Quality: the figures a medical lead shows to prove the service safe (docs/quality.md), over a
// period of whole months: by skin type, the concordance of second reads with its 95% intervals,
// answer times by month and each reader's figures. Each chart has a table with the same figures
// (the charts are hidden from screen readers); the CSV holds the same counts, never a patient's.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { sectionHeader, showFlash } from './common.js';
import { loadingSection, loadFailed } from './problems.js';
import { barChart, intervalChart, lineChart } from './charts.js';

const GROUPS = ['all', 'I-II', 'III-IV', 'V-VI', 'not-given'];
const groupName = (group) => t(`quality.group.${group}`);

export function qualityView(app, flash) {
  app.setPage(t('quality.title'));
  const message = messageBox();
  showFlash(message, flash);
  const now = new Date();
  const to = now.toISOString().slice(0, 7);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
  const fromInput = h('input', { type: 'month', id: 'quality-from', name: 'from', value: from, required: true });
  const toInput = h('input', { type: 'month', id: 'quality-to', name: 'to', value: to, max: to, required: true });
  const body = h('div', { id: 'quality-body' }, loadingSection());
  const load = async () => {
    replace(body, loadingSection());
    const query = new URLSearchParams({ from: fromInput.value, to: toInput.value });
    try {
      const quality = await api(`/clinics/${encodeURIComponent(app.tenantId())}/quality?${query}`,
        { identity: app.identity });
      replace(body, figuresView(app.tenantId(), quality));
    } catch (error) {
      replace(body, loadFailed(app, error, load));
    }
  };
  const period = h('form', { class: 'quality-period', id: 'quality-period', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'quality-from' }, t('quality.from')), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'quality-to' }, t('quality.to')), toInput),
    h('button', { type: 'submit', class: 'button', id: 'quality-show' }, t('quality.show')));
  period.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
  return h('section', { 'aria-labelledby': 'page-title', id: 'quality' },
    sectionHeader(t('quality.title'), t('quality.lead')),
    message.root,
    period,
    body);
}

function figuresView(tenantId, quality) {
  const byGroup = Object.fromEntries(quality.bySkinType.map((g) => [g.skinType, g]));
  const groups = GROUPS.filter((g) => byGroup[g]);
  const labels = groups.map(groupName);
  const months = quality.months.map((m) => monthName(m.month, 'short'));
  return [
    h('p', { class: 'hint', id: 'quality-period-shown' },
      t('quality.periodShown', { from: monthName(quality.from, 'long'), to: monthName(quality.to, 'long') })),
    h('div', { class: 'dashboard-grid' },
      card('skin', t('quality.bySkin'), t('quality.bySkinText'),
        barChart(labels, groups.map((g) => byGroup[g].withinSla.percent ?? null),
          { floor: 10, format: (v) => `${Math.round(v)}%` }),
        skinTable(groups, byGroup)),
      card('concordance', t('quality.concordance'), t('quality.concordanceText', { minimum: quality.minimumCasesForConcordance }),
        intervalChart(labels, groups.map((g) => point(byGroup[g].managementConcordance))),
        concordanceTable(groups, byGroup, quality.minimumCasesForConcordance)),
      card('times', t('quality.times'), t('quality.timesText'),
        lineChart(months, [
          { name: 'median', values: quality.months.map((m) => bound(m.submissionToAnswer.median)), className: 'series-1' },
          { name: 'p90', values: quality.months.map((m) => bound(m.submissionToAnswer.p90)), className: 'series-2' },
        ]),
        table([t('quality.col.month'), t('quality.col.answered'), t('quality.col.median'), t('quality.col.p90')],
          quality.months.map((m) => [monthName(m.month, 'long'), m.submissionToAnswer.cases,
            quantile(m.submissionToAnswer.median), quantile(m.submissionToAnswer.p90)])),
        h('ul', { class: 'chart-legend' }, h('li', { class: 'series-1' }, t('quality.col.median')),
          h('li', { class: 'series-2' }, t('quality.col.p90'))))),
    readersCard(quality.readers),
    h('p', {}, h('a', {
      class: 'button button--secondary', id: 'quality-csv',
      href: `data:text/csv;charset=utf-8,${encodeURIComponent(csv(quality))}`,
      download: `quality-${tenantId}-${quality.from}-${quality.to}.csv`,
    }, t('quality.csv'))),
    h('p', { class: 'hint', id: 'quality-estimate-note' }, t('quality.estimateNote')),
  ];
}

function skinTable(groups, byGroup) {
  const rows = [
    ['submitted', (g) => number(g.submitted)],
    ['urgent', (g) => number(g.priorities.URGENT)],
    ['photoRetake', (g) => share(g.photosNeedingRetake)],
    ['answered', (g) => number(g.answered)],
    ['median', (g) => quantile(g.submissionToAnswer.median)],
    ['p90', (g) => quantile(g.submissionToAnswer.p90)],
    ['claimMedian', (g) => quantile(g.claimToAnswer.median)],
    ['withinSla', (g) => share(g.withinSla)],
    ['referred', (g) => share(g.referred)],
    ['moreInfo', (g) => share(g.moreInfoRequested)],
    ['retakeRequested', (g) => share(g.photoRetakesRequested)],
    ['worse', (g) => share(g.followUpsWorse)],
  ];
  return h('table', { class: 'figures', id: 'quality-skin-table' },
    h('caption', { class: 'visually-hidden' }, t('quality.bySkin')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('quality.col.figure')),
      groups.map((g) => h('th', { scope: 'col' }, groupName(g))))),
    h('tbody', {}, rows.map(([name, value]) => h('tr', { 'data-figure': name },
      h('th', { scope: 'row' }, t(`quality.row.${name}`)),
      groups.map((g) => h('td', { 'data-group': g }, value(byGroup[g])))))));
}

function concordanceTable(groups, byGroup, minimum) {
  const rows = [];
  for (const g of groups) {
    for (const kind of ['diagnosis', 'management']) {
      const c = byGroup[g][`${kind}Concordance`];
      rows.push(h('tr', { 'data-group': g, 'data-kind': kind },
        h('th', { scope: 'row' }, `${groupName(g)}: ${t(`quality.kind.${kind}`)}`),
        h('td', {}, number(c.cases)),
        c.enoughData
          ? [h('td', {}, `${percent(c.agreement)} (${percent(c.agreementInterval.lower)}–${percent(c.agreementInterval.upper)})`),
            h('td', {}, c.kappa === undefined ? t('quality.kappaUndefined')
              : `${decimal(c.kappa)} (${decimal(c.kappaInterval.lower)} to ${decimal(c.kappaInterval.upper)})`)]
          : h('td', { colspan: 2, class: 'quality-not-enough' }, t('quality.notEnough', { cases: number(c.cases), minimum }))));
    }
  }
  return h('table', { class: 'figures', id: 'quality-concordance-table' },
    h('caption', { class: 'visually-hidden' }, t('quality.concordance')),
    h('thead', {}, h('tr', {}, ['reads', 'cases', 'agreement', 'kappa']
      .map((c) => h('th', { scope: 'col' }, t(`quality.col.${c}`))))),
    h('tbody', {}, rows));
}

function readersCard(readers) {
  const all = (r) => r.bySkinType.find((g) => g.skinType === 'all');
  const body = readers.length === 0
    ? h('p', { id: 'quality-no-readers' }, t('quality.noReaders'))
    : h('div', { class: 'table-scroll' }, h('table', { class: 'figures', id: 'quality-readers-table' },
      h('caption', { class: 'visually-hidden' }, t('quality.readers')),
      h('thead', {}, h('tr', {}, ['reader', 'answered', 'median', 'p90', 'withinSla', 'referred', 'moreInfo', 'retakeRequested', 'worse', 'management']
        .map((c) => h('th', { scope: 'col' }, t(`quality.col.${c}`))))),
      h('tbody', {}, readers.map((r) => {
        const g = all(r);
        const m = g.managementConcordance;
        return h('tr', { 'data-reader': r.readerId },
          h('th', { scope: 'row' }, r.name ?? t('quality.unknownReader')),
          h('td', {}, number(g.answered)),
          h('td', {}, quantile(g.submissionToAnswer.median)),
          h('td', {}, quantile(g.submissionToAnswer.p90)),
          h('td', {}, share(g.withinSla)),
          h('td', {}, share(g.referred)),
          h('td', {}, share(g.moreInfoRequested)),
          h('td', {}, share(g.photoRetakesRequested)),
          h('td', {}, share(g.followUpsWorse)),
          h('td', {}, m.enoughData ? percent(m.agreement) : t('quality.notEnoughShort', { cases: number(m.cases) })));
      }))));
  return h('section', { class: 'card', id: 'quality-readers', 'aria-labelledby': 'readers-title' },
    h('h2', { id: 'readers-title' }, t('quality.readers')),
    h('p', { class: 'hint' }, t('quality.readersText')),
    body);
}

function card(id, title, hint, chart, figures, legend = null) {
  const details = h('details', { class: 'chart-table' }, h('summary', {}, t('dashboard.figures', { title })), figures);
  return h('section', { class: 'card dashboard-card', id: `quality-${id}`, 'aria-labelledby': `quality-${id}-title` },
    h('h2', { id: `quality-${id}-title` }, title), h('p', { class: 'hint' }, hint), chart, legend, details);
}

function table(headings, rows) {
  return h('table', { class: 'figures' },
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first),
      rest.map((v) => h('td', {}, typeof v === 'number' ? number(v) : String(v)))))));
}

/** The CSV: one row per reader (the clinic first) and skin-type group, counts and estimates only. */
function csv(quality) {
  const columns = ['reader', 'skinType', 'submitted', 'urgent', 'soon', 'routine', 'photosChecked',
    'photosNeedingRetake', 'answered', 'withinSla', 'referred', 'moreInfoRequested', 'photoRetakesRequested',
    'followUpsWorse', 'medianHoursAtMost', 'p90HoursAtMost', 'claimMedianHoursAtMost', 'diagnosisReadTwice',
    'diagnosisAgreed', 'diagnosisKappa', 'managementReadTwice', 'managementAgreed', 'managementKappa'];
  const cell = (v) => (v === undefined || v === null ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const limit = (q) => (q.atMostHours ?? (q.moreThanHours ? `>${q.moreThanHours}` : ''));
  const rows = [{ name: 'clinic', bySkinType: quality.bySkinType },
    ...quality.readers.map((r) => ({ name: r.name ?? r.readerId, bySkinType: r.bySkinType }))];
  const lines = [columns.join(',')];
  for (const r of rows) {
    for (const g of r.bySkinType) {
      lines.push([r.name, g.skinType, g.submitted, g.priorities.URGENT, g.priorities.SOON, g.priorities.ROUTINE,
        g.photosNeedingRetake.of, g.photosNeedingRetake.count, g.answered, g.withinSla.count, g.referred.count,
        g.moreInfoRequested.count, g.photoRetakesRequested.count, g.followUpsWorse.count, limit(g.submissionToAnswer.median),
        limit(g.submissionToAnswer.p90), limit(g.claimToAnswer.median),
        g.diagnosisConcordance.cases, g.diagnosisConcordance.agreed, g.diagnosisConcordance.kappa,
        g.managementConcordance.cases, g.managementConcordance.agreed, g.managementConcordance.kappa]
        .map(cell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function point(concordance) {
  return concordance.enoughData
    ? { value: concordance.agreement, lower: concordance.agreementInterval.lower, upper: concordance.agreementInterval.upper }
    : null;
}

function bound(q) {
  return q.atMostHours ?? q.moreThanHours ?? null;
}

function quantile(q) {
  if (q.atMostHours !== undefined) return t('quality.atMost', { hours: number(q.atMostHours) });
  if (q.moreThanHours !== undefined) return t('quality.moreThan', { hours: number(q.moreThanHours) });
  return '–';
}

function share(s) {
  return s.percent === undefined ? `${number(s.count)} / ${number(s.of)}`
    : `${number(s.count)} / ${number(s.of)} (${percent(s.percent / 100)})`;
}

function monthName(yearMonth, month) {
  return new Date(`${yearMonth}-01T00:00:00Z`).toLocaleDateString(document.documentElement.lang,
    { month, year: 'numeric', timeZone: 'UTC' });
}

function number(value) {
  return value.toLocaleString(document.documentElement.lang);
}

function percent(value) {
  return value.toLocaleString(document.documentElement.lang, { style: 'percent', maximumFractionDigits: 0 });
}

function decimal(value) {
  return value.toLocaleString(document.documentElement.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
