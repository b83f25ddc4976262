// The optional research consent, on "Your data": separate from the consent to care, never a
// condition of it, withdrawable at any time (docs/research-export.md). The patient agrees to the
// version of the text shown here; a withdrawal keeps them out of every later research export.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { formatDateTime, t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { loading } from '../widgets.js';

export function researchConsentCard(app) {
  const body = h('div', { id: 'research-consent-body', 'aria-live': 'polite' }, loading());
  const card = h('div', { class: 'card', id: 'research-consent' },
    h('h2', {}, t('research.title')), body);
  load(app, card, body);
  return card;
}

async function load(app, card, body) {
  let consent;
  try {
    consent = await caseApi(app).getResearchConsent();
  } catch (error) {
    if (isMissingRoute(error)) { card.remove(); return; }
    if (error.kind === 'session-expired') return;
    replace(body, h('p', { class: 'field-error', role: 'alert' }, error.kind === 'network' ? t('errors.offline') : (error.message ?? t('errors.unexpected'))));
    return;
  }
  show(app, card, body, consent);
}

function show(app, card, body, consent) {
  // A clinic that asks for none shows nothing, unless the patient once agreed (they may withdraw).
  if (!consent.offered && consent.status !== 'GIVEN') { card.remove(); return; }
  const message = messageBox();
  const given = consent.status === 'GIVEN';
  const current = given && consent.offered && consent.consentVersion === consent.offered.version;
  const status = h('p', { class: 'status-message', id: 'research-consent-status', role: 'status' },
    given ? t('research.given', { date: formatDateTime(consent.givenAt, { time: false }) })
      : consent.status === 'WITHDRAWN' ? t('research.withdrawn', { date: formatDateTime(consent.withdrawnAt, { time: false }) })
        : t('research.notGiven'));
  const parts = [h('p', {}, t('research.lead')), status, message.root];
  if (consent.offered && !current) {
    const agree = submitButton(t(given ? 'research.agreeNew' : 'research.agree'), t('research.saving'));
    agree.button.id = 'research-consent-give';
    const form = h('form', { class: 'form', id: 'research-consent-form' },
      // Focusable: the text scrolls inside its box, and a keyboard must reach all of it.
      h('div', { class: 'consent-text', id: 'research-consent-text', tabindex: '0', role: 'region', 'aria-label': t('research.textLabel') }, consent.offered.text),
      h('p', { class: 'hint' }, t('research.version', { version: consent.offered.version })),
      h('div', { class: 'actions' }, agree.button));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      change(app, card, body, message, agree, () => caseApi(app).giveResearchConsent(consent.offered.version));
    });
    parts.push(form);
  }
  if (given) {
    const withdraw = submitButton(t('research.withdraw'), t('research.saving'));
    withdraw.button.id = 'research-consent-withdraw';
    withdraw.button.classList.add('button--secondary');
    const form = h('form', { class: 'form', id: 'research-withdraw-form' },
      h('p', { class: 'hint' }, t('research.withdrawLead')), h('div', { class: 'actions' }, withdraw.button));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      change(app, card, body, message, withdraw, () => caseApi(app).withdrawResearchConsent());
    });
    parts.push(form);
  }
  replace(body, ...parts);
}

async function change(app, card, body, message, button, call) {
  message.clear();
  await button.busyWhile(async () => {
    try {
      const consent = await call();
      show(app, card, body, consent);
      body.querySelector('#research-consent-status')?.focus?.();
    } catch (error) {
      if (error.kind !== 'session-expired') message.error(error.kind === 'network' ? t('errors.offline') : (error.message ?? t('errors.unexpected')));
    }
  });
}
