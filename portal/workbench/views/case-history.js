// The case's history, read top to bottom as a dermatologist would: who (age, sex), why this
// priority, what the patient said at intake, then each later round (the question asked and the
// reply, a follow-up's report), earlier answers and the patient's earlier cases.

import { h } from '/shared/dom.js';

const INTAKE_LABELS = {
  bodySites: 'Body site', onset: 'Onset', durationDays: 'For how long', lesionCount: 'How many spots',
  symptoms: 'Symptoms', changes: 'Changes noticed', diameterMm: 'Diameter',
  personalSkinCancerHistory: 'Skin cancer before', familySkinCancerHistory: 'Skin cancer in the family',
  immunosuppressed: 'Immunosuppressed', medicines: 'Medicines', allergies: 'Allergies',
  treatmentsTried: 'Treatments tried', pregnancy: 'Pregnancy', fitzpatrickType: 'Fitzpatrick skin type',
  ownWords: 'In the patient’s words',
};
const SYMPTOM_WORDS = { itch: 'itch', pain: 'pain', bleeding: 'bleeding', oozingOrCrusting: 'oozing or crusting', sensationChange: 'change in sensation' };
const CHANGE_WORDS = { size: 'size', shape: 'shape', colour: 'colour' };

export function dateText(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(document.documentElement.lang, { day: 'numeric', month: 'short', year: 'numeric' });
}

function timeText(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(document.documentElement.lang, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function caseHistory(review) {
  const patient = review.patient ?? {};
  const who = [patient.age != null ? `${patient.age} years` : 'Age not given', patient.sex ? sexWords(patient.sex) : null]
    .filter(Boolean).join(', ');
  return h('section', { class: 'history', 'aria-labelledby': 'history-title', id: 'history' },
    h('h2', { id: 'history-title' }, 'History'),
    h('p', { class: 'history__who', id: 'patient-summary' }, h('strong', {}, who),
      ` · sent ${timeText(review.submittedAt)}`, review.round > 0 ? ` · round ${review.round + 1}` : ''),
    triage(review.triage),
    h('h3', {}, 'Intake'),
    intake(review.intake ?? {}),
    laterRounds(review),
    earlierAnswers(review.answers ?? []),
    earlierCases(review.earlierCases ?? []));
}

function sexWords(sex) {
  return { female: 'female', male: 'male', other: 'other', unknown: 'sex not given' }[sex] ?? sex;
}

function triage(t) {
  if (!t) return null;
  return h('div', { class: 'triage card card--tinted', id: 'triage' },
    h('p', { class: 'triage__head' }, h('span', { class: `priority priority--${String(t.priority).toLowerCase()}` }, t.priority),
      ` score ${t.score}`, t.sevenPointScore != null ? ` · 7-point checklist ${t.sevenPointScore}` : ''),
    t.reasons?.length
      ? h('ul', { class: 'reasons' }, t.reasons.map((r) => h('li', {}, r.text, r.points ? h('span', { class: 'points' }, ` (+${r.points})`) : null)))
      : h('p', {}, 'Nothing raised the priority.'));
}

function intake(answers) {
  const rows = [];
  for (const [key, label] of Object.entries(INTAKE_LABELS)) {
    const value = intakeValue(key, answers[key]);
    if (value !== null) rows.push(h('dt', {}, label), h('dd', {}, value));
  }
  // Anything newer than this page's labels still shows, under its own name.
  for (const [key, raw] of Object.entries(answers)) {
    if (key in INTAKE_LABELS || raw === null || typeof raw === 'object') continue;
    rows.push(h('dt', {}, key.replace(/([A-Z])/g, ' $1').toLowerCase()), h('dd', {}, String(raw)));
  }
  return h('dl', { class: 'facts', id: 'intake' }, rows);
}

function intakeValue(key, value) {
  if (value === null || value === undefined || value === '') return null;
  switch (key) {
    case 'bodySites':
      return value.map((s) => s.region.replace(/_/g, ' ') + (s.laterality ? ` (${s.laterality})` : '')).join(', ');
    case 'durationDays':
      return value >= 60 ? `${Math.round(value / 30)} months` : `${value} days`;
    case 'diameterMm':
      return `${value} mm`;
    case 'symptoms':
      return yesList(value, SYMPTOM_WORDS, 'none');
    case 'changes':
      return yesList(value, CHANGE_WORDS, 'no change noticed');
    default:
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      return String(value).replace(/-/g, ' ');
  }
}

function yesList(object, words, none) {
  const yes = Object.entries(words).filter(([k]) => object[k] === true).map(([, w]) => w);
  return yes.length ? yes.join(', ') : none;
}

function laterRounds(review) {
  const later = (review.rounds ?? []).filter((r) => r.round > 0 || r.question || r.followUp)
    .sort((a, b) => a.round - b.round);
  if (!later.length) return null;
  return [h('h3', {}, 'Since then'), h('ol', { class: 'timeline', id: 'rounds' }, later.map((r) => h('li', {},
    h('p', { class: 'timeline__when' }, `Round ${r.round + 1} · ${timeText(r.at)}`),
    r.question ? h('p', {}, h('strong', {}, 'Asked: '), r.question) : null,
    r.text ? h('p', {}, h('strong', {}, r.kind === 'follow_up' ? 'Notes: ' : 'Reply: '), r.text) : null,
    r.followUp ? h('p', {}, h('strong', {}, 'Follow-up: '), [r.followUp.progress, r.followUp.newSymptoms ? 'new symptoms' : 'no new symptoms', r.followUp.notes].filter(Boolean).join('; ')) : null,
    r.photos?.length ? h('p', { class: 'hint' }, `${r.photos.length} photo${r.photos.length === 1 ? '' : 's'}`) : null)))];
}

function earlierAnswers(answers) {
  if (!answers.length) return null;
  return [h('h3', {}, 'Earlier answers'), answers.map((a) => h('div', { class: 'card earlier-answer' },
    h('p', { class: 'timeline__when' }, `${a.dermatologistName ?? 'Dermatologist'} · ${timeText(a.answeredAt)}`),
    a.diagnosis ? h('p', {}, h('strong', {}, 'Diagnosis: '), a.diagnosis.code, a.diagnosis.note ? ` (${a.diagnosis.note})` : '') : null,
    a.treatmentPlan ? h('p', {}, h('strong', {}, 'Plan: '), a.treatmentPlan) : null))];
}

function earlierCases(cases) {
  if (!cases.length) return null;
  return [h('h3', {}, 'Earlier cases of this patient'), h('ul', { class: 'earlier-cases' }, cases.map((c) => h('li', {},
    `${dateText(c.submittedAt)}: ${(c.bodySites ?? []).join(', ') || 'body site not given'}`,
    c.diagnosis ? ` · ${c.diagnosis.name} (${c.diagnosis.code})` : ' · not answered',
    ` · ${c.photos?.length ?? 0} photo${c.photos?.length === 1 ? '' : 's'}`)))];
}
