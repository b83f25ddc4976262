// Makes a chosen photo ready to send, in a Web Worker (photo-worker.js) so the page stays
// responsive: phones take 12-48 MP photos of 3-10 MB, and many patients send them over weak
// mobile data. The sizes come from the service's photo check (docs/intake.md): a close-up needs
// at least 1,000 px on its short side, measurements are taken on a copy of about 1,024 px, and
// a dermatologist zooms in on close-ups. So close-ups and dermoscopic photos keep 2,560 px on the long
// side (1,920 px short side at 4:3, still 1,280 px at 2:1), the wider views 2,048 px; JPEG at
// quality 0.85 (docs/performance.md has what this saves on a slow connection).

export const LONG_SIDE = { close_up: 2560, dermoscopic: 2560, context: 2048, oblique: 2048 };
export const QUALITY = 0.85;

export class PrepError extends Error {
  constructor(reason) {
    super(`photo not readable: ${reason}`);
    this.name = 'PrepError';
    this.reason = reason;
  }
}

let worker = null;
let nextId = 1;
const waiting = new Map();

function photoWorker() {
  if (!worker) {
    worker = new Worker('/patient/photo-worker.js');
    worker.addEventListener('message', (event) => {
      const { id, progress, blob, width, height, error } = event.data;
      const job = waiting.get(id);
      if (!job) return;
      if (progress !== undefined) {
        job.onProgress(progress / 100);
      } else {
        waiting.delete(id);
        if (error) job.reject(new PrepError(error));
        else job.resolve({ blob, width, height });
      }
    });
    worker.addEventListener('error', (event) => {
      // The worker could not start (its script did not load, e.g. the connection dropped before
      // it was fetched): every waiting photo goes as it is, and the service's check is the judge.
      event.preventDefault();
      for (const job of waiting.values()) job.resolve({ blob: job.file, width: null, height: null });
      waiting.clear();
      worker = null;
    });
  }
  return worker;
}

/** Starts the worker while the page is online, so a photo chosen offline can still be made ready. */
export function warmPhotoWorker() {
  if (typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined') photoWorker();
}

/**
 * The photo resized and re-encoded for `view`: {blob (image/jpeg), width, height}.
 * @param onProgress called with 0..1 while it is being made
 * @throws PrepError when the browser cannot open the file
 */
export function preparePhoto(file, view, onProgress = () => {}) {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    // An old browser: the original goes as it is, and the service's check is the judge.
    return Promise.resolve({ blob: file, width: null, height: null });
  }
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject, onProgress, file });
    photoWorker().postMessage({ id, file, maxLongSide: LONG_SIDE[view] ?? 2048, quality: QUALITY });
  });
}
