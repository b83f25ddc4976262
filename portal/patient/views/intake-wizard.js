// The intake wizard's shared parts: which pages a case has (skip logic: spot questions for a
// spot, rash questions for a rash, both for anything else), where a draft carries on, the page
// shell with Back and Continue, saving on the version read, and questions bound to an intake
// field by its JSON pointer, so the API's field errors land on the question named.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { caseApi } from '../case-api.js';
import { choiceGroup, showFieldErrors, stepHeader, yesNo } from '../widgets.js';
import { INTAKE_STEPS } from '../intake-steps.js';

export { INTAKE_STEPS };

/** Answers only the spot page asks, and only the rash page: dropped when the kind of problem changes. */
export const SPOT_FIELDS = ['lesionCount', 'spotOrigin', 'changes', 'abcde', 'diameterMm'];
export const RASH_FIELDS = ['rashExtent', 'rashWorseningRapidly', 'blisters', 'skinPeeling', 'faceOrLipSwelling',
  'fever', 'feelingUnwell', 'newMedicine'];

const asksSpot = (problem) => problem !== 'rash';
const asksRash = (problem) => problem === 'rash' || problem === 'other';

/** The pages of this case: a spot skips the rash page and a rash the spot page. */
export function stepsFor(aCase) {
  const problem = aCase.intake?.problem;
  return INTAKE_STEPS.filter((step) => (step !== 'spot' || asksSpot(problem)) && (step !== 'rash' || asksRash(problem)));
}

/** Where a draft should carry on: the first page with something unanswered, else the photos. */
export function firstStepOf(aCase) {
  const a = aCase.intake ?? {};
  const has = (...values) => values.every((v) => v !== undefined && v !== null);
  const s = a.symptoms ?? {};
  const c = a.changes ?? {};
  const look = a.abcde ?? {};
  if (!a.bodySites?.length) return 'body-site';
  if (!has(a.problem, a.onset, a.durationDays) || !a.ownWords) return 'about';
  if (asksSpot(a.problem) && !has(a.lesionCount, a.spotOrigin, c.size, c.shape, c.colour, c.other,
    look.asymmetry, look.borderIrregular, look.colourVariation)) return 'spot';
  if (asksRash(a.problem) && !has(a.rashExtent, a.rashWorseningRapidly, a.blisters, a.skinPeeling,
    a.faceOrLipSwelling, a.fever, a.feelingUnwell, a.newMedicine)) return 'rash';
  if (!has(s.itch, s.pain, s.bleeding, s.oozingOrCrusting, s.sensationChange, a.inflammation)) return 'symptoms';
  if (!has(a.personalSkinCancerHistory, a.familySkinCancerHistory, a.immunosuppressed, a.pregnancy)) return 'health';
  if (!has(a.medicines, a.allergies, a.treatmentsTried)) return 'medicines';
  if (!aCase.consent) return 'consent';
  return 'photos';
}

/** The page after (or before) `step` for this case; 'photos' after the last. */
export function nextStep(aCase, step, direction = 1) {
  const steps = stepsFor(aCase);
  const at = steps.indexOf(step);
  const index = at < 0 ? INTAKE_STEPS.indexOf(step) : at + direction;
  return steps[index] ?? (direction > 0 ? 'photos' : null);
}

/** Reads the draft (kept in memory between pages), or null after showing why it cannot. */
export async function loadDraft(app, caseId, section) {
  let aCase = app.cases.get(caseId);
  if (!aCase) {
    try {
      aCase = await caseApi(app).getCase(caseId);
      app.cases.set(caseId, aCase);
    } catch (error) {
      if (error.kind === 'session-expired') return null;
      replace(section, h('h1', { id: 'page-title', tabindex: '-1' }, t('case.unavailableTitle')),
        h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, error.message ?? t('errors.unexpected'))),
        h('p', {}, h('a', { href: app.href('home'), 'data-route': 'home' }, t('nav.backHome'))));
      return null;
    }
  }
  if (aCase.status !== 'DRAFT') {
    app.navigate(`cases/${caseId}`, { replace: true });
    return null;
  }
  return aCase;
}

/**
 * The shell every page shares: header, form, Back and Continue; `collect` returns the changes for
 * updateCase or null when the page's own checks failed.
 */
export function wizardPage(app, section, aCase, step, { title, lead, fields, collect, pointers, persist }) {
  const steps = stepsFor(aCase);
  const number = steps.indexOf(step) + 1;
  app.setPage(title);
  const message = messageBox();
  const submit = submitButton(t('common.saveContinue'), t('common.saving'));
  const previous = nextStep(aCase, step, -1);
  const form = h('form', { class: 'form', novalidate: true, id: `${step}-form` },
    message.root, fields,
    h('div', { class: 'actions' }, submit.button,
      previous
        ? h('a', { class: 'button button--secondary', href: app.href(`cases/${aCase.caseId}/${previous}`), 'data-route': `cases/${aCase.caseId}/${previous}` }, t('common.back'))
        : null));
  replace(section, stepHeader(number, steps.length + 1, title), lead ? h('p', { class: 'lead' }, lead) : null,
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside save-note' }, t('wizard.savedAsYouGo')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const changes = collect();
    if (!changes) return;
    await submit.busyWhile(async () => {
      try {
        const saved = await (persist ?? ((c) => save(app, aCase.caseId, c)))(changes);
        // The answers just saved may change which pages follow (a spot or a rash).
        app.navigate(`cases/${aCase.caseId}/${nextStep(saved ?? aCase, step)}`);
      } catch (error) {
        if (error.kind === 'session-expired') return;
        const unowned = showFieldErrors(error.errors ?? [], pointers);
        if (!error.errors?.length || unowned.length) {
          message.error(error.kind === 'network' ? t('errors.offlineNotSaved') : (error.message ?? t('errors.unexpected')));
          message.root.focus();
        }
      }
    });
  });
}

/**
 * Saves `changes` ({intake?: partial answers, consentVersion?}) on the version read; when the
 * draft moved meanwhile (another tab), reads it again and applies the same changes once more.
 * A group of answers (symptoms, changes, abcde) is merged, not replaced.
 */
export async function save(app, caseId, changes) {
  const calls = caseApi(app);
  for (let attempt = 0; ; attempt++) {
    const current = app.cases.get(caseId);
    const body = { version: current.version };
    if (changes.intake) body.intake = merged(current.intake ?? {}, changes.intake);
    if (changes.consentVersion) body.consentVersion = changes.consentVersion;
    try {
      const saved = await calls.updateCase(caseId, body);
      app.cases.set(caseId, saved);
      return saved;
    } catch (error) {
      if (error.status !== 409 || attempt > 0) throw error;
      app.cases.set(caseId, await calls.getCase(caseId));
      if (app.cases.get(caseId).status !== 'DRAFT') throw error;
    }
  }
}

function merged(current, patch) {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const group = value !== null && typeof value === 'object' && !Array.isArray(value);
    next[key] = group ? { ...(current[key] ?? {}), ...value } : value;
    if (value === null) delete next[key];
  }
  return next;
}

/** Checks that each required question on the page has an answer; marks the ones that do not. */
export function requireAnswers(entries) {
  let first = null;
  for (const [widget, required] of entries) {
    widget.setError(null);
    if (required && (widget.value() === null || widget.value() === '')) {
      widget.setError(t('errors.answerThis'));
      first = first ?? widget;
    }
  }
  first?.focus();
  return first === null;
}

// ---- questions bound to an intake field ----------------------------------------------------------

/** The answer at `/intake/a/b` in the case's intake. */
function answerAt(intake, pointer) {
  return pointer.split('/').slice(2).reduce((at, key) => (at == null ? undefined : at[key]), intake ?? {});
}

/**
 * One question of the intake, named by its pointer (`/intake/changes/size`): `yes-no` (true or
 * false), `answer` (yes, no or "I'm not sure", where a patient honestly may not know) or
 * `choice` (one of `options`, labelled `${labels}.${option}`). The input's name is `name`, else
 * the pointer's last part.
 */
export function question(aCase, { pointer, kind, legend, hint, name, options, labels }) {
  const value = answerAt(aCase.intake, pointer);
  const inputName = name ?? pointer.split('/').pop();
  let widget;
  if (kind === 'yes-no') {
    widget = yesNo({ name: inputName, legend, hint, value });
  } else if (kind === 'answer') {
    widget = choiceGroup({ name: inputName, legend, hint, value, columns: true,
      options: ['yes', 'no', 'unsure'].map((v) => ({ value: v, label: t(`answer.${v}`) })) });
  } else {
    widget = choiceGroup({ name: inputName, legend, hint, value,
      options: options.map((v) => ({ value: v, label: t(`${labels}.${v}`) })) });
  }
  return { ...widget, pointer };
}

/** The pointers of `questions`, for showFieldErrors. */
export function pointersOf(questions) {
  return Object.fromEntries(questions.map((q) => [q.pointer, q]));
}

/** The answers of `questions` as intake changes: `/intake/changes/size` becomes {changes: {size}}. */
export function answersOf(questions) {
  const intake = {};
  for (const q of questions) {
    const path = q.pointer.split('/').slice(2);
    let at = intake;
    path.slice(0, -1).forEach((key) => { at = at[key] ?? (at[key] = {}); });
    at[path[path.length - 1]] = q.value();
  }
  return intake;
}
