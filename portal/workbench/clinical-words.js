// Words for what the service sends in English or as codes: body-site ids and triage reasons.
// Each is looked up by its code in the page's dictionary (site.*, side.*, reason.*); a code this
// page does not know yet shows the service's own text, so nothing new is ever hidden.

import { has, t } from '/shared/i18n.js';

/** A body-site id ("upper-back") in the page's language. */
export function siteName(region) {
  const id = String(region ?? '');
  return has(`site.${id}`) ? t(`site.${id}`) : id.replace(/[_-]/g, ' ');
}

/** {region, laterality} as "upper back (left)". */
export function siteText(site) {
  const side = site.laterality ? ` (${has(`side.${site.laterality}`) ? t(`side.${site.laterality}`) : site.laterality})` : '';
  return siteName(site.region) + side;
}

/** The worklist's "region (laterality)" strings, made by GetWorklist from the ids. */
export function worklistSite(text) {
  const parts = /^([\w-]+)(?: \((\w+)\))?$/.exec(String(text));
  return parts ? siteText({ region: parts[1], laterality: parts[2] }) : String(text);
}

/**
 * A triage reason ({code, text}). English is the service's own text; other languages' texts are fixed per code; a few carry numbers, taken from
 * the service's English text (a text that no longer matches falls back to the service's text).
 */
export function reasonText(reason) {
  const key = `reason.${reason.code}`;
  if (!reason.code || !has(key)) return reason.text;
  const numbers = NUMBERS[reason.code];
  // An ABCDE sign whose fact the 7-point checklist already counted says so, in any language.
  const once = COUNTED_ONCE.test(reason.text ?? '') && has('reason.countedOnce') ? ` ${t('reason.countedOnce')}` : '';
  if (!numbers) return withSuffix(t(key), once);
  const found = numbers.exec(reason.text ?? '');
  return found ? withSuffix(t(key, found.groups), once) : reason.text;
}

const COUNTED_ONCE = /\(counted once, in the 7-point checklist\)/;

/** "D: ... 6 mm." with " (counted once ...)" before its full stop. */
function withSuffix(text, suffix) {
  return suffix ? text.replace(/\.$/, '') + suffix + '.' : text;
}

const NUMBERS = {
  SEVEN_POINT_URGENT: /score (?<score>\d+) \((?<from>\d+) or more(?<setting>, this clinic's setting)?\)/,
  ABCDE_SEVERAL: /^(?<count>\d+) of the 5/,
  AGE: /^Aged (?<age>\d+) or over/,
};
