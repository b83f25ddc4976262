// The case's history, read top to bottom as a dermatologist would: who (age, sex), why this
// priority, what the patient said at intake, then each later round (the question asked and the
// reply, a follow-up's report), earlier answers and the patient's earlier cases.

import { h } from '/shared/dom.js';
import { has, t } from '/shared/i18n.js';
import { reasonText, siteText, worklistSite } from '../clinical-words.js';

// Intake version 2 in the order a dermatologist reads a history: what and where, then the spot's
// or the rash's own questions, symptoms, general health and medicines, then the patient's words.
const INTAKE_KEYS = ['bodySites', 'problem', 'onset', 'durationDays', 'lesionCount', 'spotOrigin', 'changes',
  'abcde', 'diameterMm', 'rashExtent', 'rashWorseningRapidly', 'blisters', 'skinPeeling', 'faceOrLipSwelling',
  'fever', 'feelingUnwell', 'symptoms', 'inflammation', 'personalSkinCancerHistory', 'familySkinCancerHistory',
  'immunosuppressed', 'medicines', 'newMedicine', 'allergies', 'treatmentsTried', 'pregnancy', 'fitzpatrickType',
  'ownWords'];
const SYMPTOMS = ['itch', 'pain', 'bleeding', 'oozingOrCrusting', 'sensationChange'];
const CHANGES = ['size', 'shape', 'colour', 'other'];
const LOOK = ['asymmetry', 'borderIrregular', 'colourVariation'];
/** Answers a patient may not know: yes, no or not sure. */
const ANSWERS = ['yes', 'no', 'unsure'];

const lang = () => document.documentElement.lang;

export function dateText(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(lang(), { day: 'numeric', month: 'short', year: 'numeric' });
}

function timeText(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(lang(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** `{count} photo(s)` in the page's language. */
export function photoCount(count) {
  return count === 1 ? t('history.photoOne') : t('history.photoMany', { count: count.toLocaleString(lang()) });
}

export function caseHistory(review) {
  const patient = review.patient ?? {};
  const who = [patient.age != null ? t('history.age', { age: patient.age }) : t('history.noAge'),
    patient.sex ? sexWords(patient.sex) : null].filter(Boolean).join(', ');
  return h('section', { class: 'history', 'aria-labelledby': 'history-title', id: 'history' },
    h('h2', { id: 'history-title' }, t('history.title')),
    h('p', { class: 'history__who', id: 'patient-summary' }, h('strong', {}, who),
      ` · ${t('history.sent', { when: timeText(review.submittedAt) })}`,
      review.round > 1 ? ` · ${t('history.round', { round: review.round })}` : ''),
    triage(review.triage),
    h('h3', {}, t('history.intake')),
    review.intakeVersion === 1 ? h('p', { class: 'hint', id: 'intake-version' }, t('history.intakeV1')) : null,
    intake(review.intake ?? {}),
    laterRounds(review),
    earlierAnswers(review.answers ?? []),
    earlierCases(review.earlierCases ?? []));
}

function sexWords(sex) {
  return has(`sex.${sex}`) ? t(`sex.${sex}`) : sex;
}

export function priorityWords(priority) {
  return has(`priority.${priority}`) ? t(`priority.${priority}`) : String(priority);
}

function triage(result) {
  if (!result) return null;
  const reasons = result.reasons ?? [];
  const decisive = reasons.filter((r) => r.decisive);
  const others = reasons.filter((r) => !r.decisive);
  const list = (items, id) => h('ul', { class: 'reasons', id }, items.map((r) => h('li', { 'data-code': r.code ?? null, 'data-decisive': String(Boolean(r.decisive)) },
    reasonText(r), r.points ? h('span', { class: 'points' }, ` (+${r.points})`) : null)));
  if (!result.decision) {
    // Triaged before decisions were recorded: the score as it was shown then.
    return h('div', { class: 'triage card card--tinted', id: 'triage' },
      h('p', { class: 'triage__head' }, priorityBadge(result.priority), ` ${t('history.score', { score: result.score })}`,
        result.sevenPointScore != null ? ` · ${t('history.sevenPoint', { score: result.sevenPointScore })}` : ''),
      reasons.length ? list(reasons, 'triage-reasons') : h('p', {}, t('history.noReasons')));
  }
  return h('div', { class: 'triage card card--tinted', id: 'triage' },
    h('p', { class: 'triage__head' }, priorityBadge(result.priority), ' ',
      h('span', { id: 'triage-decision', 'data-rule': result.decision.rule, 'data-scale': result.decision.scale ?? '',
        'data-score': result.decision.score ?? '' }, decisionText(result, decisive[0]))),
    decisive.length ? [h('h4', { class: 'triage__subhead' }, t('triage.decisive')), list(decisive, 'triage-decisive')] : null,
    others.length ? [h('h4', { class: 'triage__subhead' }, t('triage.alsoNoted')), list(others, 'triage-other')] : null,
    h('p', { class: 'hint', id: 'triage-score' }, t('triage.queueScore', { score: result.score })));
}

function priorityBadge(priority) {
  return h('span', { class: `priority priority--${String(priority).toLowerCase()}` }, priorityWords(priority));
}

/** "Decided by the 7-point checklist: 4 points (urgent from 3)", or the deciding rule in words. */
function decisionText(result, deciding) {
  const d = result.decision;
  const priority = priorityWords(result.priority).toLowerCase();
  if (d.rule === 'BELOW_THRESHOLDS' && d.scale === 'SEVEN_POINT') return t('triage.belowSevenPoint', { score: d.score, threshold: d.threshold });
  if (d.scale === 'SEVEN_POINT') return t('triage.bySevenPoint', { score: d.score, threshold: d.threshold, priority });
  if (d.scale === 'ABCDE') return t('triage.byAbcde', { score: d.score, threshold: d.threshold, priority });
  return t('triage.byRule', { reason: deciding ? reasonText(deciding) : d.rule });
}

function intake(answers) {
  const rows = [];
  for (const key of INTAKE_KEYS) {
    const value = intakeValue(key, answers[key]);
    if (value !== null) rows.push(h('dt', {}, t(`intake.${key}`)), h('dd', {}, value));
  }
  // Anything newer than this page's labels still shows, under its own name.
  for (const [key, raw] of Object.entries(answers)) {
    if (INTAKE_KEYS.includes(key) || raw === null || typeof raw === 'object') continue;
    rows.push(h('dt', {}, key.replace(/([A-Z])/g, ' $1').toLowerCase()), h('dd', {}, String(raw)));
  }
  return h('dl', { class: 'facts', id: 'intake' }, rows);
}

function intakeValue(key, value) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && ANSWERS.includes(value)) return t(`history.answer.${value}`);
  switch (key) {
    case 'bodySites':
      return value.map(siteText).join(', ');
    case 'durationDays':
      return value >= 60 ? t('history.months', { count: Math.round(value / 30) }) : t('history.days', { count: value });
    case 'diameterMm':
      return `${Number(value).toLocaleString(lang())} mm`;
    case 'symptoms':
      return yesList(value, SYMPTOMS, 'symptom', t('history.noSymptoms'));
    case 'changes':
      return answerList(value, CHANGES, 'change', t('history.noChange'));
    case 'abcde':
      return answerList(value, LOOK, 'look', t('history.noLookSigns'));
    default:
      if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
      return has(`answer.${key}.${value}`) ? t(`answer.${key}.${value}`) : String(value).replace(/-/g, ' ');
  }
}

function yesList(object, keys, prefix, none) {
  const yes = keys.filter((k) => object[k] === true).map((k) => t(`${prefix}.${k}`));
  return yes.length ? yes.join(', ') : none;
}

/** The yes answers, then the ones the patient was not sure of: "size; not sure: colour". */
function answerList(object, keys, prefix, none) {
  const named = (answer) => keys.filter((k) => object[k] === answer).map((k) => t(`${prefix}.${k}`));
  const yes = named('yes');
  const unsure = named('unsure');
  const parts = [yes.length ? yes.join(', ') : none, unsure.length ? `${t('history.answer.unsure')}: ${unsure.join(', ')}` : null];
  return parts.filter(Boolean).join('; ');
}

function laterRounds(review) {
  const later = (review.rounds ?? []).filter((r) => r.round > 1 || r.question || r.followUp)
    .sort((a, b) => a.round - b.round);
  if (!later.length) return null;
  return [h('h3', {}, t('history.since')), h('ol', { class: 'timeline', id: 'rounds' }, later.map((r) => h('li', {},
    h('p', { class: 'timeline__when' }, `${t('history.roundTitle', { round: r.round })} · ${timeText(r.at)}`),
    r.question ? h('p', {}, h('strong', {}, t('history.asked')), ' ', r.question) : null,
    r.text ? h('p', {}, h('strong', {}, r.kind === 'follow_up' ? t('history.notes') : t('history.reply')), ' ', r.text) : null,
    r.followUp ? h('p', {}, h('strong', {}, t('history.followUp')), ' ', [
      has(`progress.${r.followUp.progress}`) ? t(`progress.${r.followUp.progress}`) : r.followUp.progress,
      r.followUp.newSymptoms ? t('history.newSymptoms') : t('history.noNewSymptoms'), r.followUp.notes].filter(Boolean).join('; ')) : null,
    r.photos?.length ? h('p', { class: 'hint' }, photoCount(r.photos.length)) : null)))];
}

function earlierAnswers(answers) {
  if (!answers.length) return null;
  return [h('h3', {}, t('history.earlierAnswers')), answers.map((a) => h('div', { class: 'card earlier-answer' },
    h('p', { class: 'timeline__when' }, `${a.dermatologistName ?? t('history.dermatologist')} · ${timeText(a.answeredAt)}`),
    a.diagnosis ? h('p', {}, h('strong', {}, t('history.diagnosis')), ' ', a.diagnosis.code, a.diagnosis.note ? ` (${a.diagnosis.note})` : '') : null,
    a.treatmentPlan ? h('p', {}, h('strong', {}, t('history.plan')), ' ', a.treatmentPlan) : null,
    a.surveillance ? h('p', {}, h('strong', {}, t('history.surveillance')), ' ',
      a.surveillance.inMonths === 1 ? t('history.surveillanceInOne') : t('history.surveillanceIn', { months: a.surveillance.inMonths }),
      ' ', a.surveillance.instructions ?? '') : null))];
}

function earlierCases(cases) {
  if (!cases.length) return null;
  return [h('h3', {}, t('history.earlierCases')), h('ul', { class: 'earlier-cases' }, cases.map((c) => h('li', {},
    `${dateText(c.submittedAt)}: ${(c.bodySites ?? []).map((s) => (typeof s === 'string' ? worklistSite(s) : siteText(s))).join(', ') || t('worklist.noSite')}`,
    c.diagnosis ? ` · ${c.diagnosis.name} (${c.diagnosis.code})` : ` · ${t('history.notAnswered')}`,
    ` · ${photoCount(c.photos?.length ?? 0)}`)))];
}
