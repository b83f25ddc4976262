// A clinic's look: loads its public branding and turns its colours into CSS custom properties,
// with text colours chosen so that every pairing stays readable (WCAG AA, 4.5:1) whatever
// colours the clinic picked.

import { api } from './api.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const FALLBACK_PRIMARY = '#334155';
const FALLBACK_ACCENT = '#0ea5e9';
const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';
const AA = 4.5;

/**
 * The clinic at this slug, or null when there is none.
 * @param sent the Promise of a response to this request the page already sent, if any
 * @returns {Promise<null | {tenantId, slug, displayName, branding, languages, consent}>}
 */
export async function loadClinic(slug, { sent } = {}) {
  if (!SLUG.test(slug)) {
    return null;
  }
  try {
    return await api(`/public/clinics/${encodeURIComponent(slug)}/branding`, { sent });
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

/** Sets the clinic's colours on the page; unusable colours fall back to calm neutrals. */
export function applyColours(branding, root = document.documentElement) {
  const vars = brandVariables(branding);
  for (const [name, value] of Object.entries(vars)) {
    root.style.setProperty(name, value);
  }
  let themeColour = document.querySelector('meta[name="theme-color"]');
  if (!themeColour) {
    themeColour = document.createElement('meta');
    themeColour.name = 'theme-color';
    document.head.append(themeColour);
  }
  themeColour.content = vars['--brand'];
}

/** The CSS custom properties of a clinic's colours (also the clinic console's live preview). */
export function brandVariables(branding) {
  const primary = validHex(branding?.primaryColor) ?? FALLBACK_PRIMARY;
  const accent = validHex(branding?.accentColor) ?? FALLBACK_ACCENT;
  return {
    '--brand': primary,
    '--brand-text': readableOn(primary),
    '--brand-ink': inkOn(primary, LIGHT_TEXT),
    '--brand-hover': mix(primary, '#000000', 0.15),
    '--brand-tint': mix(primary, '#ffffff', 0.92),
    '--accent': accent,
    '--accent-text': readableOn(accent),
  };
}

/** A logo URL the page may load: this origin's paths or https, nothing else. */
export function safeLogoUrl(url) {
  if (typeof url !== 'string') return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch (e) {
    return null;
  }
}

/** "Sign in · Northside Skin Clinic" */
export function setTitle(page, clinicName) {
  document.title = [page, clinicName].filter(Boolean).join(' · ');
}

// ---- colour arithmetic ----

export function validHex(value) {
  if (typeof value !== 'string' || !HEX.test(value.trim())) return null;
  let hex = value.trim().slice(1).toLowerCase();
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return `#${hex}`;
}

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]) {
  return '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** WCAG 2 relative luminance. */
export function luminance(hex) {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export function readableOn(background) {
  return contrast(LIGHT_TEXT, background) >= contrast(DARK_TEXT, background) ? LIGHT_TEXT : DARK_TEXT;
}

/** The brand colour, darkened just enough to be readable as text on `background`. */
export function inkOn(colour, background) {
  let ink = colour;
  for (let step = 1; contrast(ink, background) < AA && step <= 20; step++) {
    ink = mix(colour, '#000000', step * 0.05);
  }
  return ink;
}

function mix(a, b, amount) {
  const [x, y] = [rgb(a), rgb(b)];
  return toHex(x.map((c, i) => c + (y[i] - c) * amount));
}
