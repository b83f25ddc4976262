// A photo goes straight from the phone to storage through the presigned URL the API handed out:
// XMLHttpRequest, because fetch cannot report upload progress. The slot's headers are signed, so
// they are sent exactly; Content-Length is the one a browser sets itself (from the file's size,
// which is the size the slot was signed for).

const BROWSER_SET = new Set(['content-length', 'host']);

export class UploadError extends Error {
  constructor(reason) {
    super(`upload ${reason}`);
    this.name = 'UploadError';
    this.reason = reason;
  }
}

/**
 * PUTs `file` to the slot. `onProgress(fraction)` runs as bytes leave.
 * @param slot {url, method, headers} from requestPhotoUploads
 * @returns a promise that settles when storage has the whole file
 */
export function uploadToSlot(slot, file, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(slot.method ?? 'PUT', slot.url);
    for (const [name, value] of Object.entries(slot.headers ?? {})) {
      if (!BROWSER_SET.has(name.toLowerCase())) request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        // 403: the slot expired or the file differs from what was signed; a new slot mends both.
        // 5xx: storage had a moment; the same slot is tried again.
        reject(new UploadError(request.status === 403 ? 'refused' : request.status >= 500 ? 'network' : 'failed'));
      }
    });
    request.addEventListener('error', () => reject(new UploadError('network')));
    request.addEventListener('abort', () => reject(new UploadError('aborted')));
    request.addEventListener('timeout', () => reject(new UploadError('network')));
    request.send(file);
  });
}

/** Seconds before try number `attempt` (1, 2, ...): 2, 4, 8, 16, then every 30. */
export function retryDelaySeconds(attempt) {
  return Math.min(30, 2 ** attempt);
}

/**
 * Waits `seconds`, or less: a connection coming back or the page coming back into view (a phone
 * waking up) ends the wait at once, since that is when a retry is most likely to work.
 */
export function waitBeforeRetry(seconds) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      document.removeEventListener('visibilitychange', onVisible);
      resolve();
    };
    const onVisible = () => { if (document.visibilityState === 'visible') done(); };
    const timer = setTimeout(done, seconds * 1000);
    window.addEventListener('online', done);
    document.addEventListener('visibilitychange', onVisible);
  });
}
