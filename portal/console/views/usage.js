// Usage: what the clinic was metered for, per calendar month (UTC), newest first, with the
// estimated infrastructure cost (docs/operations.md), and one month's figures as a CSV file. The
// CSV is built here from the same answer, as a data: link (the page's CSP allows no blob fetch).

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { sectionHeader, showFlash } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

/** The CSV's columns: the API's field names, so a spreadsheet and the API agree. */
const CSV_COLUMNS = ['month', 'casesSubmitted', 'photosStored', 'photosStoredBytes', 'answersDelivered',
  'ehrDeliveries', 'secondReads', 'researchExports', 'researchExportsBytes', 'heldBytes', 'estimatedCostUsd'];

export function usageView(app, flash) {
  app.setPage(t('usage.title'));
  const message = messageBox();
  showFlash(message, flash);
  const body = h('div', { id: 'usage-body' }, loadingSection());
  const load = async () => {
    replace(body, loadingSection());
    try {
      const usage = await api(`/clinics/${encodeURIComponent(app.tenantId())}/usage?months=12`,
        { identity: app.identity });
      replace(body, usageTable(app.tenantId(), usage));
    } catch (error) {
      replace(body, loadFailed(app, error, load));
    }
  };
  load();
  return h('section', { 'aria-labelledby': 'page-title', id: 'usage' },
    sectionHeader(t('usage.title'), t('usage.lead')),
    message.root,
    body);
}

function usageTable(tenantId, usage) {
  const headings = ['month', 'cost', 'cases', 'photos', 'answers', 'ehr', 'secondReads', 'exports', 'csv']
    .map((name) => h('th', { scope: 'col' }, t(`usage.col.${name}`)));
  return [
    h('p', { id: 'usage-stored' }, t('usage.stored', { size: size(usage.storedBytes) })),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'figures', id: 'usage-table' },
        h('caption', { class: 'visually-hidden' }, t('usage.caption')),
        h('thead', {}, h('tr', {}, headings)),
        h('tbody', {}, usage.months.map((m) => h('tr', { 'data-month': m.month },
          h('th', { scope: 'row' }, monthName(m.month)),
          h('td', { class: 'usage-cost' }, dollars(m.estimatedCostUsd)),
          h('td', { class: 'usage-cases' }, number(m.casesSubmitted)),
          h('td', { class: 'usage-photos' }, m.photosStored ? `${number(m.photosStored)} (${size(m.photosStoredBytes)})` : number(0)),
          h('td', { class: 'usage-answers' }, number(m.answersDelivered)),
          h('td', { class: 'usage-ehr' }, number(m.ehrDeliveries)),
          h('td', { class: 'usage-second-reads' }, number(m.secondReads)),
          h('td', { class: 'usage-exports' }, number(m.researchExports)),
          h('td', {}, h('a', {
            class: 'usage-csv',
            href: `data:text/csv;charset=utf-8,${encodeURIComponent(csv(m))}`,
            download: `usage-${tenantId}-${m.month}.csv`,
            'aria-label': t('usage.csvLabel', { month: monthName(m.month) }),
          }, t('usage.csv')))))))),
    h('p', { class: 'hint', id: 'usage-estimate-note' }, t('usage.estimateNote')),
  ];
}

function csv(month) {
  return `${CSV_COLUMNS.join(',')}\r\n${CSV_COLUMNS.map((c) => String(month[c])).join(',')}\r\n`;
}

function monthName(yearMonth) {
  return new Date(`${yearMonth}-01T00:00:00Z`).toLocaleDateString(document.documentElement.lang,
    { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function number(value) {
  return value.toLocaleString(document.documentElement.lang);
}

function dollars(value) {
  return value.toLocaleString(document.documentElement.lang,
    { style: 'currency', currency: 'USD', minimumFractionDigits: 4, maximumFractionDigits: 4 });
}

/** Bytes in the largest unit that keeps a whole number in front (decimal units, as S3 bills). */
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
