// The merged worklist as the workbench holds it between views: the rows read so far, the page
// cursor, the clinic filter and the clinics seen, the selected row. Also claims, and fetching the
// next case's thumbnail ahead so moving on never waits for it.

import { api } from '/shared/api.js';
import { t } from '/shared/i18n.js';

const PAGE = 20;
/** A prefetched case is used within this time: its photo links are presigned for 5 minutes. */
const PREFETCH_FRESH_MS = 4 * 60 * 1000;

export class Worklist {
  constructor(app) {
    this.app = app;
    this.rows = [];
    this.cursor = null;
    this.loaded = false;
    /** tenantId of the clinic filter, or '' for every clinic. */
    this.clinic = '';
    /** tenantId -> clinic name, of every clinic the dermatologist works for: the filter's choices. */
    this.clinics = new Map();
    this.selected = 0;
    /** performance.now() when the rows' secondsUntilDue were true. */
    this.readAt = 0;
    this.prefetched = new Set();
    /** "tenant/case" -> {at, review}: the next case, loaded ahead (memory only, one at a time). */
    this.ahead = new Map();
  }

  /**
   * Loads the next case while the dermatologist reads this one (getCaseForReview with
   * purpose=prefetch: no claim, audited as a prefetch, not as a read; docs/security.md) and its
   * thumbnails into the browser cache. Only one case is kept, in memory only.
   */
  async prefetchCase(row) {
    if (!row) return;
    const key = `${row.tenantId}/${row.caseId}`;
    if (this.ahead.has(key)) return;
    this.ahead.clear();
    try {
      const review = await api(`${casePath(row.tenantId, row.caseId)}?purpose=prefetch`, { identity: this.app.identity });
      this.ahead.set(key, { at: performance.now(), review });
      for (const round of review.rounds ?? []) {
        for (const photo of round.photos ?? []) {
          const image = new Image();
          image.decoding = 'async';
          image.src = photo.thumbnailUrl ?? photo.url;
        }
      }
    } catch (e) {
      // Ahead of time only: opening the case reads it anyway.
    }
  }

  /** The prefetched case if still fresh, taken out of memory; null otherwise. */
  takePrefetched(tenantId, caseId) {
    const key = `${tenantId}/${caseId}`;
    const found = this.ahead.get(key);
    this.ahead.delete(key);
    return found && performance.now() - found.at < PREFETCH_FRESH_MS ? found.review : null;
  }

  /** The first page again (after a filter change, a claim race, or coming back from a case). */
  async reload() {
    const page = await this.page(null);
    // Every clinic of the dermatologist, even one with nothing queued: the filter and second reads.
    for (const clinic of page.clinics ?? []) this.clinics.set(clinic.tenantId, clinic.name);
    this.rows = page.cases.map((row) => this.stamp(row));
    this.cursor = page.nextCursor;
    this.loaded = true;
    this.selected = Math.min(this.selected, Math.max(0, this.rows.length - 1));
  }

  /** The next page, appended; returns how many rows came. */
  async more() {
    if (!this.cursor) return 0;
    const page = await this.page(this.cursor);
    const known = new Set(this.rows.map((r) => r.caseId));
    const fresh = page.cases.filter((r) => !known.has(r.caseId)).map((row) => this.stamp(row));
    this.rows.push(...fresh);
    this.cursor = page.nextCursor;
    return fresh.length;
  }

  page(cursor) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (this.clinic) query.set('clinic', this.clinic);
    if (cursor) query.set('cursor', cursor);
    return api(`/worklist?${query}`, { identity: this.app.identity });
  }

  /** Each row's deadline on the page's own clock, so countdowns never trust the PC's time of day. */
  stamp(row) {
    this.clinics.set(row.tenantId, row.clinicName);
    return { ...row, deadline: performance.now() + row.secondsUntilDue * 1000 };
  }

  setClinic(tenantId) {
    this.clinic = tenantId;
    this.selected = 0;
  }

  find(tenantId, caseId) {
    return this.rows.find((r) => r.tenantId === tenantId && r.caseId === caseId) ?? null;
  }

  /** The row after this case that nobody else holds (the first such row if the case is not listed). */
  nextAfter(tenantId, caseId) {
    const at = this.rows.findIndex((r) => r.tenantId === tenantId && r.caseId === caseId);
    return this.rows.slice(at + 1).find((r) => r.claim !== 'other') ?? null;
  }

  /** Claims (or renews) the case: {claim, claimedUntil}; an ApiError 409 if someone holds it. */
  async claim(tenantId, caseId) {
    const result = await api(casePath(tenantId, caseId) + '/claim', { method: 'POST', identity: this.app.identity });
    const row = this.find(tenantId, caseId);
    if (row) Object.assign(row, { claim: result.claim, claimedUntil: result.claimedUntil ?? null });
    return result;
  }

  async release(tenantId, caseId) {
    await api(casePath(tenantId, caseId) + '/claim', { method: 'DELETE', identity: this.app.identity });
    const row = this.find(tenantId, caseId);
    if (row) Object.assign(row, { claim: 'none', claimedUntil: null });
  }

  /** Fetches a row's thumbnail into the browser cache (presigned URLs expire in minutes: once). */
  prefetch(row) {
    if (!row?.thumbnailUrl || this.prefetched.has(row.thumbnailUrl)) return;
    this.prefetched.add(row.thumbnailUrl);
    const image = new Image();
    image.decoding = 'async';
    image.src = row.thumbnailUrl;
  }
}

export function casePath(tenantId, caseId) {
  return `/clinics/${encodeURIComponent(tenantId)}/reviews/${encodeURIComponent(caseId)}`;
}

/** "2 h 05 min left", "14:09 left", "Overdue by 3 min": the SLA countdown's words. */
export function dueText(secondsLeft) {
  const overdue = secondsLeft < 0;
  const s = Math.abs(Math.round(secondsLeft));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  let span;
  if (days > 0) span = t('due.days', { days, hours });
  else if (hours > 0) span = t('due.hours', { hours, minutes: String(minutes).padStart(2, '0') });
  else span = `${minutes}:${String(seconds).padStart(2, '0')}`;
  return t(overdue ? 'due.overdue' : 'due.left', { span });
}

export function secondsLeft(row) {
  return (row.deadline - performance.now()) / 1000;
}
