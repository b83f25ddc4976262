// The first two intake pages: where the problem is (the body map), then what it is, since when,
// and the patient's own words. What it is (a spot, a rash, something else) decides which pages
// follow; answers of the pages it no longer needs are dropped when it changes.

import { field } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { bodyMap } from '../body-map.js';
import { choiceGroup, textArea } from '../widgets.js';
import { RASH_FIELDS, SPOT_FIELDS, question, requireAnswers, wizardPage } from './intake-wizard.js';

const DURATION_UNITS = [['years', 365], ['months', 30], ['weeks', 7], ['days', 1]];

export function bodySitePage(app, section, aCase) {
  const map = bodyMap({ sites: aCase.intake?.bodySites ?? [] });
  wizardPage(app, section, aCase, 'body-site', {
    title: t('intake.bodySite.title'),
    fields: [map.root],
    pointers: { '/intake/bodySites': map },
    collect() {
      const sites = map.sites();
      map.setError(null);
      if (!sites.length) {
        map.setError(t('intake.bodySite.required'));
        map.focus();
        return null;
      }
      return { intake: { bodySites: sites } };
    },
  });
}

export function aboutPage(app, section, aCase) {
  const a = aCase.intake ?? {};
  const problem = question(aCase, { pointer: '/intake/problem', kind: 'choice', legend: t('intake.problem.legend'),
    hint: t('intake.problem.hint'), options: ['spot', 'rash', 'other'], labels: 'intake.problem' });
  const onset = question(aCase, { pointer: '/intake/onset', kind: 'choice', legend: t('intake.onset.legend'),
    options: ['sudden', 'gradual', 'unsure'], labels: 'intake.onset' });
  const [amount, unit] = durationParts(a.durationDays);
  const duration = field({ label: t('intake.duration.label'), name: 'durationAmount', type: 'number', inputmode: 'numeric', min: '0', max: '36500', value: amount ?? '', hint: t('intake.duration.hint') });
  const units = choiceGroup({ name: 'durationUnit', legend: t('intake.duration.unitLegend'), value: unit, columns: true,
    options: DURATION_UNITS.map(([u]) => ({ value: u, label: t(`intake.duration.${u}`) })).reverse() });
  const durationWidget = { pointer: '/intake/durationDays', setError: duration.setError, focus: () => duration.input.focus(),
    value: () => durationDays(duration.input.value, units.value()) };
  const ownWords = textArea({ name: 'ownWords', label: t('intake.ownWords.label'), hint: t('intake.ownWords.hint'), value: a.ownWords, maxlength: 4000, rows: 5 });
  wizardPage(app, section, aCase, 'about', {
    title: t('intake.about.title'),
    fields: [problem.root, onset.root, duration.root, units.root, ownWords.root],
    pointers: { '/intake/problem': problem, '/intake/onset': onset, '/intake/durationDays': durationWidget, '/intake/ownWords': ownWords },
    collect() {
      if (!requireAnswers([[problem, true], [onset, true], [durationWidget, true], [ownWords, true]])) return null;
      const kind = problem.value();
      const changes = { problem: kind, onset: onset.value(), durationDays: durationWidget.value(), ownWords: ownWords.value() };
      // A spot now, a rash before (or the other way round): the other page's answers no longer apply.
      if (kind === 'spot') RASH_FIELDS.forEach((f) => { changes[f] = null; });
      if (kind === 'rash') SPOT_FIELDS.forEach((f) => { changes[f] = null; });
      return { intake: changes };
    },
  });
}

/** [amount, unit] that write `days` most naturally (90 -> [3, 'months']). */
function durationParts(days) {
  if (days === null || days === undefined) return [null, 'days'];
  if (days === 0) return [0, 'days'];
  const [unit, size] = DURATION_UNITS.find(([, s]) => days % s === 0);
  return [days / size, unit];
}

function durationDays(amount, unit) {
  const text = String(amount ?? '').trim();
  if (!/^\d{1,5}$/.test(text) || !unit) return null;
  const days = Number(text) * DURATION_UNITS.find(([u]) => u === unit)[1];
  return days <= 36500 ? days : null;
}
