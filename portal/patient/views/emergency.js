// The first page of a new consultation: four questions about signs that need care today. Any
// "yes" ends the consultation here with what to do now; the API records that it happened. All
// "no" opens the draft the rest of the wizard fills in.

import { h } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { caseApi } from '../case-api.js';
import { supportContact } from '../clinic.js';
import { yesNo } from '../widgets.js';
import { firstStepOf } from './intake.js';

export const EMERGENCY_QUESTIONS = [
  'feverWithWidespreadRash',
  'blisteringOrPeelingSkin',
  'rapidlySpreadingPainfulRedness',
  'faceOrLipSwellingOrBreathingTrouble',
];

export function emergencyView(app) {
  app.setPage(t('emergency.title'));
  const message = messageBox();
  const questions = EMERGENCY_QUESTIONS.map((name) => [name, yesNo({ name, legend: t(`emergency.q.${name}`) })]);
  const submit = submitButton(t('common.continue'), t('common.saving'));
  const form = h('form', { class: 'form', novalidate: true, id: 'emergency-form' },
    message.root, questions.map(([, q]) => q.root), h('div', { class: 'actions' }, submit.button));

  const section = h('section', { 'aria-labelledby': 'page-title', id: 'emergency-screen' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('emergency.title')),
    h('p', { class: 'lead' }, t('emergency.lead')),
    h('div', { class: 'card' }, form));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const answers = {};
    let unanswered = null;
    for (const [name, question] of questions) {
      question.setError(null);
      answers[name] = question.value();
      if (answers[name] === null) {
        question.setError(t('emergency.answerEach'));
        unanswered = unanswered ?? question;
      }
    }
    if (unanswered) {
      unanswered.focus();
      return;
    }
    const emergency = Object.values(answers).some(Boolean);
    await submit.busyWhile(async () => {
      try {
        const created = await caseApi(app).createCase({ emergencyScreen: answers });
        app.cases.set(created.caseId, created);
        app.navigate(`cases/${created.caseId}/${firstStepOf(created)}`);
      } catch (error) {
        if (emergency || error.problemType === 'urn:dermrelay:problem:seek-emergency-care') {
          // The advice must not depend on the network: it shows even if recording failed.
          section.replaceWith(seekCareNow(app));
          document.getElementById('page-title')?.focus();
          return;
        }
        // The clinic received all the cases its plan allows this month (issue 19): say so, not "wait".
        message.error(error.problemType === 'urn:dermrelay:problem:clinic-monthly-cases'
          ? t('clinic.monthFull', { clinic: app.clinic.displayName })
          : error.message ?? t('errors.unexpected'));
        message.root.focus();
      }
    });
  });
  return section;
}

/** What to do now, in plain words, and nothing else to fill in (also shown when a send is turned away). */
export function seekCareNow(app) {
  app.setPage(t('emergency.stop.title'));
  const contact = supportContact(app.clinic.branding);
  return h('section', { 'aria-labelledby': 'page-title', id: 'seek-care-now', class: 'emergency-stop' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('emergency.stop.title')),
    h('div', { class: 'emergency-stop__box', role: 'alert' },
      h('p', { class: 'emergency-stop__now' }, t('emergency.stop.now')),
      h('ul', {},
        h('li', {}, t('emergency.stop.call')),
        h('li', {}, t('emergency.stop.go')),
        h('li', {}, t('emergency.stop.dontWait')))),
    h('div', { class: 'card' },
      h('h2', {}, t('emergency.stop.afterTitle')),
      h('p', {}, t('emergency.stop.after', { clinic: app.clinic.displayName })),
      contact.length ? h('p', { id: 'emergency-contact' }, t('emergency.stop.contact', { clinic: app.clinic.displayName }), ' ', contact, '.') : null),
    h('p', { class: 'aside' }, h('a', { href: app.href('home'), 'data-route': 'home' }, t('nav.backHome'))));
}
