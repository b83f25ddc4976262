// The case's history, read top to bottom as a dermatologist would: who (age, sex), why this
// priority, what the patient said at intake, then each later round (the question asked and the
// reply, a follow-up's report), earlier answers and the patient's earlier cases.

import { h } from '/shared/dom.js';
import { has, t } from '/shared/i18n.js';
import { reasonText, siteText, worklistSite } from '../clinical-words.js';

const INTAKE_KEYS = ['bodySites', 'onset', 'durationDays', 'lesionCount', 'symptoms', 'changes', 'diameterMm',
  'personalSkinCancerHistory', 'familySkinCancerHistory', 'immunosuppressed', 'medicines', 'allergies',
  'treatmentsTried', 'pregnancy', 'fitzpatrickType', 'ownWords'];
const SYMPTOMS = ['itch', 'pain', 'bleeding', 'oozingOrCrusting', 'sensationChange'];
const CHANGES = ['size', 'shape', 'colour'];

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
  return h('div', { class: 'triage card card--tinted', id: 'triage' },
    h('p', { class: 'triage__head' }, h('span', { class: `priority priority--${String(result.priority).toLowerCase()}` }, priorityWords(result.priority)),
      ` ${t('history.score', { score: result.score })}`,
      result.sevenPointScore != null ? ` · ${t('history.sevenPoint', { score: result.sevenPointScore })}` : ''),
    result.reasons?.length
      ? h('ul', { class: 'reasons' }, result.reasons.map((r) => h('li', { 'data-code': r.code ?? null }, reasonText(r),
        r.points ? h('span', { class: 'points' }, ` (+${r.points})`) : null)))
      : h('p', {}, t('history.noReasons')));
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
      return yesList(value, CHANGES, 'change', t('history.noChange'));
    default:
      if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
      return has(`answer.${key}.${value}`) ? t(`answer.${key}.${value}`) : String(value).replace(/-/g, ' ');
  }
}

function yesList(object, keys, prefix, none) {
  const yes = keys.filter((k) => object[k] === true).map((k) => t(`${prefix}.${k}`));
  return yes.length ? yes.join(', ') : none;
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
    a.treatmentPlan ? h('p', {}, h('strong', {}, t('history.plan')), ' ', a.treatmentPlan) : null))];
}

function earlierCases(cases) {
  if (!cases.length) return null;
  return [h('h3', {}, t('history.earlierCases')), h('ul', { class: 'earlier-cases' }, cases.map((c) => h('li', {},
    `${dateText(c.submittedAt)}: ${(c.bodySites ?? []).map((s) => (typeof s === 'string' ? worklistSite(s) : siteText(s))).join(', ') || t('worklist.noSite')}`,
    c.diagnosis ? ` · ${c.diagnosis.name} (${c.diagnosis.code})` : ` · ${t('history.notAnswered')}`,
    ` · ${photoCount(c.photos?.length ?? 0)}`)))];
}
