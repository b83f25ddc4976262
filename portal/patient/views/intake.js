// The intake wizard after the emergency screen: one short page per topic, and only the pages the
// answers make relevant (spot questions for a spot, rash questions for a rash). Each "Continue"
// saves the whole questionnaire to the draft (updateCase on the version read), so a patient can
// stop on any page and carry on later, on any device. The pages live in intake-*.js.

import { h } from '/shared/dom.js';
import { loading } from '../widgets.js';
import { aboutPage, bodySitePage } from './intake-about.js';
import { healthPage, medicinesPage, symptomsPage } from './intake-health.js';
import { consentPage, profilePage } from './intake-profile.js';
import { rashPage } from './intake-rash.js';
import { spotPage } from './intake-spot.js';
import { loadDraft } from './intake-wizard.js';

export { INTAKE_STEPS, firstStepOf, loadDraft, stepsFor } from './intake-wizard.js';

const STEP_PAGES = {
  'body-site': bodySitePage,
  about: aboutPage,
  spot: spotPage,
  rash: rashPage,
  symptoms: symptomsPage,
  health: healthPage,
  medicines: medicinesPage,
  profile: profilePage,
  consent: consentPage,
};

export function intakeStepView(app, flash, caseId, step) {
  const section = h('section', { 'aria-labelledby': 'page-title', id: `intake-${step}`, class: 'wizard' }, loading());
  loadDraft(app, caseId, section).then((aCase) => {
    if (!aCase || !section.isConnected) return;
    STEP_PAGES[step](app, section, aCase);
    app.lastIntakeStep = step;
    section.querySelector('h1')?.focus({ preventScroll: true });
  });
  return section;
}
