// "EHR deliveries": the answered cases the clinic's EHR did not take, with the reason and a
// "Send again" button (resendToEhr: one attempt now; the row leaves the list once delivered).
// Its own file and its own English and Spanish strings, so the console's other views and their
// translation are untouched; the language is the page's (<html lang>).

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { sectionHeader, showProblem } from './views/common.js';
import { ehrConnectionPanel } from './ehr-connection.js';

const PAGE = 25;

const STRINGS = {
  en: {
    title: 'EHR deliveries',
    lead: 'Answered cases your EHR did not accept after several attempts. Fix the cause (the reason says what the EHR answered), then send again. Sending again never creates duplicate records in your EHR.',
    empty: 'No failed deliveries: nothing is waiting to be sent again.',
    caption: (n, more) => `${n} failed deliver${n === 1 ? 'y' : 'ies'}${more ? ' so far' : ''}`,
    columns: ['Case', 'Answer', 'Attempts', 'Last attempt', 'Reason', 'Action'],
    sendAgain: 'Send again',
    sending: 'Sending…',
    sendAgainLabel: (caseId, round) => `Send again: answer ${round} of case ${caseId}`,
    delivered: (caseId) => `Delivered: case ${caseId} is now in your EHR.`,
    stillFailed: (caseId) => `Case ${caseId} was not delivered again. The reason is updated in the list.`,
    more: 'Show more',
    loadFailed: 'We couldn’t load the failed deliveries.',
  },
  es: {
    title: 'Envíos a la historia clínica',
    lead: 'Casos respondidos que su sistema de historia clínica (EHR) no aceptó tras varios intentos. Corrija la causa (el motivo indica lo que respondió el EHR) y vuelva a enviarlos. Reenviar nunca crea registros duplicados en su EHR.',
    empty: 'No hay envíos fallidos: nada espera a que se envíe de nuevo.',
    caption: (n, more) => `${n} envío${n === 1 ? '' : 's'} fallido${n === 1 ? '' : 's'}${more ? ' por ahora' : ''}`,
    columns: ['Caso', 'Respuesta', 'Intentos', 'Último intento', 'Motivo', 'Acción'],
    sendAgain: 'Enviar de nuevo',
    sending: 'Enviando…',
    sendAgainLabel: (caseId, round) => `Enviar de nuevo: respuesta ${round} del caso ${caseId}`,
    delivered: (caseId) => `Entregado: el caso ${caseId} ya está en su EHR.`,
    stillFailed: (caseId) => `El caso ${caseId} no se pudo entregar. El motivo se ha actualizado en la lista.`,
    more: 'Mostrar más',
    loadFailed: 'No pudimos cargar los envíos fallidos.',
  },
};

function strings() {
  const language = (document.documentElement.lang || 'en').slice(0, 2);
  return STRINGS[language] ?? STRINGS.en;
}

export function ehrDeliveriesView(app) {
  const t = strings();
  app.setPage(t.title);
  const message = messageBox();
  const results = h('div', { id: 'ehr-results', 'aria-live': 'polite' });
  const base = `/clinics/${encodeURIComponent(app.tenantId())}`;
  let rows = [];
  let nextCursor = null;

  const load = async (cursor) => {
    const query = new URLSearchParams({ status: 'FAILED', limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api(`${base}/ehr/deliveries?${query}`, { identity: app.identity });
      rows = cursor ? rows.concat(page.items) : page.items;
      nextCursor = page.nextCursor ?? null;
      render();
    } catch (caught) {
      showProblem(caught, { message });
      if (!rows.length) replace(results, h('p', { class: 'hint' }, t.loadFailed));
    }
  };

  const sendAgain = async (row, button) => {
    message.clear();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = t.sending;
    button.removeAttribute('aria-label');
    try {
      const path = `${base}/cases/${encodeURIComponent(row.caseId)}/ehr/deliveries/${row.round}/send`;
      const delivery = await api(path, { method: 'POST', identity: app.identity });
      if (delivery.status === 'DELIVERED') {
        rows = rows.filter((r) => r !== row);
        message.info(t.delivered(row.caseId));
      } else {
        Object.assign(row, { attempts: delivery.attempts, lastAttemptAt: delivery.lastAttemptAt, reason: delivery.lastReason });
        message.error(t.stillFailed(row.caseId));
      }
      render();
      message.root.focus();
    } catch (caught) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = t.sendAgain;
      button.setAttribute('aria-label', t.sendAgainLabel(row.caseId, row.round));
      showProblem(caught, { message });
    }
  };

  const render = () => {
    if (!rows.length) {
      replace(results, h('p', { class: 'hint', id: 'ehr-empty' }, t.empty));
      return;
    }
    const more = nextCursor
      ? h('button', { type: 'button', class: 'button button--secondary', id: 'ehr-more',
        onclick: async () => { more.disabled = true; await load(nextCursor); } }, t.more)
      : null;
    replace(results,
      h('table', { class: 'data-table', id: 'ehr-table' },
        h('caption', {}, t.caption(rows.length, Boolean(nextCursor))),
        h('thead', {}, h('tr', {}, t.columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((row) => {
          const button = h('button', { type: 'button', class: 'button button--secondary ehr-send',
            'aria-label': t.sendAgainLabel(row.caseId, row.round) }, t.sendAgain);
          button.addEventListener('click', () => sendAgain(row, button));
          return h('tr', { 'data-case': row.caseId, 'data-round': String(row.round) },
            h('td', {}, h('code', {}, row.caseId)),
            h('td', {}, String(row.round)),
            h('td', {}, String(row.attempts)),
            h('td', {}, row.lastAttemptAt
              ? h('time', { datetime: row.lastAttemptAt }, new Date(row.lastAttemptAt).toLocaleString()) : '—'),
            h('td', { class: 'ehr-reason' }, row.reason ?? '—'),
            h('td', {}, button));
        }))),
      more);
  };

  load(null);
  return h('section', { 'aria-labelledby': 'page-title', id: 'ehr-deliveries' },
    sectionHeader(t.title, t.lead),
    message.root,
    results,
    ehrConnectionPanel(app));
}
