// The dermatologist workbench at /workbench/: sign in, one worklist across every clinic the
// dermatologist works for, a case with its history and photos, and the answer form; beside the
// worklist, the clinics' second reads (#second-reads, #second-read/{tenantId}/{caseId}/{round}), the
// flagged ones (#flagged, #flagged/{tenantId}/{caseId}/{round}) and the dermatologist's own licences
// (#licences). Routes live in the URL fragment (#case/{tenantId}/{caseId}); ids only, never anything
// about the patient.

import { loadConfig } from '/shared/config.js';
import { portalError } from '/shared/errors.js';
import { h, replace } from '/shared/dom.js';
import { StaffIdentity } from '/shared/staff-identity.js';
import { t } from '/shared/i18n.js';
import { languageSwitch, startLanguage } from '/shared/staff-language.js';
import { signInView, newPasswordView } from './views/sign-in.js';
import { notDermatologistView, unavailableView } from './views/problems.js';
import { worklistView } from './views/worklist.js';
import { caseView } from './views/case.js';
import { secondReadView, secondReadsView } from './views/second-reads.js';
import { flaggedListView, flaggedRoundView } from './views/flagged.js';
import { licencesView } from './views/licences.js';
import { Worklist } from './worklist-state.js';
import { installShortcuts } from './shortcuts.js';
import { CLINIC_SUSPENDED_EVENT, suspendedPage } from '/shared/clinic-suspended.js';

export const DERMATOLOGIST = 'dermatologist';
const main = document.getElementById('main');
const I18N_DIR = '/workbench/i18n';
/** The languages the workbench is written in; a dermatologist works for clinics of any of them. */
const LANGUAGES = ['en', 'es'];

/** What views share. Nothing here outlives the tab; nothing about patients is stored. */
const app = {
  config: null,
  identity: null,
  flash: null,
  /** {session, email} of a NEW_PASSWORD_REQUIRED challenge; memory only. */
  challenge: null,
  worklist: null,
  /** The open second reads across the clinics, oldest first, as last read (views/second-reads.js). */
  secondReads: null,
  /** The flagged second reads the dermatologist may deal with, as last read (views/flagged.js). */
  flagged: null,
  /** The current view's clean-up (timers, listeners) and key handler. */
  view: { dispose: null, onKey: null },
  go(route, { flash = null } = {}) {
    app.flash = flash;
    if (window.location.hash.slice(1) === route) render({ focus: true });
    else window.location.hash = route; // hashchange renders
  },
  setPage(title) {
    document.title = [title, t('page.title')].filter(Boolean).join(' · ');
  },
  /** Registers what to undo when the view goes away, and the view's keyboard shortcuts. */
  mount({ dispose = null, onKey = null } = {}) {
    app.view = { dispose, onKey };
  },
  signOut(flash) {
    app.identity.signOut();
    app.worklist = null;
    app.secondReads = null;
    app.flagged = null;
    app.challenge = null;
    app.go('', { flash });
  },
};

async function start() {
  try {
    await startLanguage(I18N_DIR, LANGUAGES);
    app.config = await loadConfig();
  } catch (error) {
    console.error('dermrelay: workbench configuration', error.message);
    replace(main, unavailableView(app));
    return;
  }
  app.identity = new StaffIdentity(app.config, 'workbench');
  // A case of a clinic the operator suspended (the worklist leaves such clinics out): its calls
  // are refused alike, so the page says so; the header's links lead back to the worklist.
  window.addEventListener(CLINIC_SUSPENDED_EVENT, () => {
    app.view.dispose?.();
    app.mount();
    replace(main, suspendedPage(null));
    app.setPage(t('suspended.titleUnnamed'));
  });
  app.identity.onSessionEnded(() => {
    app.go('', { flash: { kind: 'error', text: portalError('session-expired').message } });
  });
  window.addEventListener('hashchange', () => {
    if (window.location.hash !== '#main') render({ focus: true });
  });
  const banner = document.getElementById('offline-banner');
  window.addEventListener('offline', () => { banner.hidden = false; });
  window.addEventListener('online', () => { banner.hidden = true; });
  banner.hidden = navigator.onLine !== false;
  installShortcuts(app, document.getElementById('shortcuts-dialog'));
  render({ focus: false });
}

function render({ focus }) {
  app.view.dispose?.();
  app.mount();
  const route = window.location.hash.slice(1);
  const flash = app.flash;
  app.flash = null;
  let node;
  if (!app.identity.isSignedIn()) {
    renderHeader(false);
    node = route === 'new-password' && app.challenge ? newPasswordView(app) : signInView(app, flash);
  } else if (!app.identity.groups().includes(DERMATOLOGIST)) {
    renderHeader(true);
    node = notDermatologistView(app);
  } else {
    renderHeader(true);
    app.worklist ??= new Worklist(app);
    const opened = /^case\/([\w-]{1,64})\/([\w-]{1,64})$/.exec(route);
    const secondRead = /^second-read\/([\w-]{1,64})\/([\w-]{1,64})\/(\d{1,3})$/.exec(route);
    const flagged = /^flagged\/([\w-]{1,64})\/([\w-]{1,64})\/(\d{1,3})$/.exec(route);
    if (opened) {
      node = caseView(app, { tenantId: opened[1], caseId: opened[2] }, flash);
    } else if (route === 'licences') {
      node = licencesView(app);
    } else if (route === 'second-reads') {
      node = secondReadsView(app, flash);
    } else if (route === 'flagged') {
      node = flaggedListView(app, flash);
    } else if (flagged) {
      node = flaggedRoundView(app, { tenantId: flagged[1], caseId: flagged[2], round: Number(flagged[3]) });
    } else if (secondRead) {
      node = secondReadView(app, { tenantId: secondRead[1], caseId: secondRead[2], round: Number(secondRead[3]) });
    } else {
      if (route !== '') window.history.replaceState(null, '', window.location.pathname);
      node = worklistView(app, flash);
    }
  }
  replace(main, node);
  if (focus) {
    window.scrollTo(0, 0);
    (main.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

function renderHeader(signedIn) {
  const claims = signedIn ? app.identity.claims() ?? {} : {};
  document.getElementById('wb-who').textContent = signedIn ? claims.name ?? claims.email ?? '' : '';
  // A language change draws the view again; a draft in progress is saved as usual meanwhile.
  const switcher = languageSwitch(I18N_DIR, LANGUAGES, () => render({ focus: false }));
  replace(document.getElementById('header-actions'), signedIn
    ? [
      switcher,
      h('button', { type: 'button', class: 'button button--header', id: 'show-shortcuts',
        'aria-keyshortcuts': 'Shift+Slash', onclick: () => document.getElementById('shortcuts-dialog').showModal() },
      t('header.shortcuts')),
      h('button', { type: 'button', class: 'button button--header', id: 'sign-out',
        onclick: () => app.signOut({ kind: 'info', text: t('header.signedOut') }) }, t('header.signOut')),
    ]
    : switcher);
}

start().catch((error) => {
  console.error('dermrelay: workbench failed to start', error);
  replace(main, unavailableView(app));
});
