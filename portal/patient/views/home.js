import { h, replace } from '/shared/dom.js';
import { api } from '/shared/api.js';
import { messageBox } from '/shared/forms.js';
import { formatDateTime, t } from '/shared/i18n.js';
import { caseApi } from '../case-api.js';
import { loading } from '../widgets.js';
import { showFlash } from './session.js';
import { closedNotice, takesNewPatients } from '../clinic.js';

/** The signed-in patient's start page: their consultations, a new one, what happens next. */
export function homeView(app, flash) {
  const clinic = app.clinic;
  const claims = app.identity.claims() ?? {};
  const fullName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null;
  const greeting = fullName ? t('home.helloName', { name: fullName.split(/\s+/)[0] }) : t('home.hello');
  app.setPage(t('home.title'));
  const message = messageBox();
  showFlash(message, flash);
  const cases = h('div', { id: 'my-cases' }, loading());
  checkSessionWithApi(app, message);
  loadCases(app, cases);

  return h('section', { 'aria-labelledby': 'page-title', id: 'home' },
    message.root,
    h('h1', { id: 'page-title', tabindex: '-1' }, greeting),
    h('p', { class: 'lead', id: 'signed-in-as' },
      fullName
        ? t('home.signedInAsName', { clinic: clinic.displayName, name: fullName })
        : t('home.signedInAs', { clinic: clinic.displayName }),
      claims.email ? [' (', claims.email, ')'] : null, '.'),
    takesNewPatients(clinic)
      ? h('div', { class: 'actions' },
        h('a', { class: 'button', href: app.href('new'), 'data-route': 'new', id: 'start-case' }, t('home.start')))
      : closedNotice(clinic),
    h('h2', { class: 'section-title' }, t('home.myCases')),
    cases,
    h('div', { class: 'card' },
      h('h2', {}, t('home.next.title')),
      h('ol', { class: 'steps' },
        h('li', {}, h('strong', {}, t('home.next.1.title')), t('home.next.1.text')),
        h('li', {}, h('strong', {}, t('home.next.2.title')), t('home.next.2.text')),
        h('li', {}, h('strong', {}, t('home.next.3.title', { clinic: clinic.displayName })), t('home.next.3.text')))),
    h('div', { class: 'notice', role: 'note' },
      h('p', {}, h('strong', {}, t('home.notEmergency')), ' ', t('home.notEmergencyText'))),
    h('p', {}, h('a', { href: app.href('privacy'), 'data-route': 'privacy', id: 'privacy-link' }, t('home.privacyLink'))));
}

async function loadCases(app, container) {
  let page;
  try {
    page = await caseApi(app).listCases();
  } catch (error) {
    if (error.kind === 'session-expired') return;
    replace(container, h('div', { class: 'error-summary', role: 'alert' },
      h('p', {}, error.kind === 'network' ? t('errors.offline') : (error.message ?? t('errors.unexpected')))));
    return;
  }
  if (!page.cases.length) {
    replace(container, h('p', { class: 'hint', id: 'no-cases' }, t('home.noCases')));
    return;
  }
  replace(container, h('ul', { class: 'case-list' }, page.cases.map((c) => {
    const route = `cases/${c.caseId}`;
    return h('li', { class: 'case-list__item', 'data-case': c.caseId },
      h('a', { href: app.href(route), 'data-route': route },
        h('span', { class: 'case-list__title' }, caseLabel(c)),
        h('span', { class: 'case-list__started hint' }, t('home.caseStarted', { date: formatDateTime(c.createdAt, { time: false }) })),
        h('span', { class: `status status--${c.status.toLowerCase()}` }, t(`status.${c.status}`)),
        c.status === 'DRAFT' && c.expiresAt
          ? h('span', { class: 'hint' }, t('home.draftUntil', { date: formatDateTime(c.expiresAt, { time: false }) }))
          : null));
  })));
}

/**
 * What the case is about, in a few words ("A rash, left forearm"), so two cases of one day can be
 * told apart; a draft not yet answered that far says so.
 */
function caseLabel(c) {
  const problem = t(`home.problem.${c.problem ?? 'unknown'}`);
  const first = c.bodySites?.[0];
  if (!first) return problem;
  const region = t(`region.${first.region}`);
  const side = first.laterality === 'left' || first.laterality === 'right' ? t(`side.${first.laterality}`) : null;
  const site = side ? t('bodymap.sided', { side, region }) : region;
  const sites = c.bodySites.length > 1 ? t('home.caseSitesMore', { site, count: c.bodySites.length - 1 }) : site;
  return t('home.caseLabel', { problem, sites });
}

/**
 * Asks the API who we are: proves the token works end to end, and ends the session calmly if
 * it does not (api() signs out on a refused token).
 */
async function checkSessionWithApi(app, message) {
  try {
    await api('/me', { identity: app.identity });
  } catch (error) {
    if (error.kind !== 'session-expired') {
      message.error(error.message ?? t('errors.offline'));
    }
  }
}
