// The spot page (a spot, mole, lump or growth): how many, whether it is new, how it has changed
// and how it looks now (the facts behind the 7-point checklist and ABCDE, in a patient's words),
// and its width if the patient can measure it. "I'm not sure" is always an answer: nobody should
// have to guess whether a mole changed.

import { h } from '/shared/dom.js';
import { field } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { answersOf, pointersOf, question, requireAnswers, wizardPage } from './intake-wizard.js';

export function spotPage(app, section, aCase) {
  const ask = (options) => question(aCase, options);
  const count = ask({ pointer: '/intake/lesionCount', kind: 'choice', legend: t('intake.count.legend'),
    options: ['one', 'two-to-five', 'more-than-five'], labels: 'intake.count' });
  const origin = ask({ pointer: '/intake/spotOrigin', kind: 'choice', legend: t('intake.spotOrigin.legend'),
    options: ['new', 'long-standing', 'unsure'], labels: 'intake.spotOrigin' });
  const changes = [
    ask({ pointer: '/intake/changes/size', kind: 'answer', name: 'change-size', legend: t('intake.changes.size') }),
    ask({ pointer: '/intake/changes/shape', kind: 'answer', name: 'change-shape', legend: t('intake.changes.shape') }),
    ask({ pointer: '/intake/changes/colour', kind: 'answer', name: 'change-colour', legend: t('intake.changes.colour') }),
    ask({ pointer: '/intake/changes/other', kind: 'answer', name: 'change-other', legend: t('intake.changes.other') }),
  ];
  const look = [
    ask({ pointer: '/intake/abcde/asymmetry', kind: 'answer', name: 'look-asymmetry', legend: t('intake.look.asymmetry') }),
    ask({ pointer: '/intake/abcde/borderIrregular', kind: 'answer', name: 'look-border', legend: t('intake.look.border') }),
    ask({ pointer: '/intake/abcde/colourVariation', kind: 'answer', name: 'look-colours', legend: t('intake.look.colours'),
      hint: t('intake.look.coloursHint') }),
  ];
  const diameter = field({ label: t('intake.diameter.label'), name: 'diameterMm', type: 'text', inputmode: 'decimal',
    value: aCase.intake?.diameterMm != null ? String(aCase.intake.diameterMm) : '', hint: t('intake.diameter.hint') });
  const diameterWidget = { pointer: '/intake/diameterMm', setError: diameter.setError, focus: () => diameter.input.focus() };
  const questions = [count, origin, ...changes, ...look];
  wizardPage(app, section, aCase, 'spot', {
    title: t('intake.spot.title'),
    fields: [count.root, origin.root, h('h2', {}, t('intake.changes.heading')), changes.map((q) => q.root),
      h('h2', {}, t('intake.look.heading')), look.map((q) => q.root), diameter.root],
    pointers: { ...pointersOf(questions), '/intake/diameterMm': diameterWidget },
    collect() {
      if (!requireAnswers(questions.map((q) => [q, true]))) return null;
      diameter.setError(null);
      const mm = millimetres(diameter.input.value);
      if (mm === undefined) {
        diameter.setError(t('intake.diameter.invalid'));
        diameter.input.focus();
        return null;
      }
      return { intake: { ...answersOf(questions), diameterMm: mm } };
    },
  });
}

/**
 * The width as typed: "6.5" or "6,5" is 6.5 mm; empty is not measured (null); anything else,
 * more than one decimal, or outside 0.5-200 mm is undefined (asked again, never rounded).
 */
function millimetres(text) {
  const typed = String(text ?? '').trim().replace(',', '.');
  if (!typed) return null;
  if (!/^\d{1,3}(\.\d)?$/.test(typed)) return undefined;
  const mm = Number(typed);
  return mm >= 0.5 && mm <= 200 ? mm : undefined;
}
