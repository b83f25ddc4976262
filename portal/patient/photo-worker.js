// The photo as it will be sent, made off the page's thread (a classic worker, so it can load the
// vendored library with importScripts under the page's 'self'-only policy): at most
// `maxLongSide` pixels on the long side, upright, JPEG, and nothing but pixels, so camera
// details and the GPS position never leave the phone. The service checks the result as it
// checks any photo; this only makes it smaller and cleaner on the way.
//
// In:  {id, file (Blob), maxLongSide, quality}
// Out: {id, progress (0-100)} while working, then {id, blob, width, height} or {id, error}

/* global imageCompression */
importScripts('/vendor/browser-image-compression/browser-image-compression.js');

self.addEventListener('message', async (event) => {
  const { id, file, maxLongSide, quality } = event.data;
  try {
    let blob = await imageCompression(file, {
      maxWidthOrHeight: maxLongSide,
      fileType: 'image/jpeg',
      initialQuality: quality,
      preserveExif: false,
      // Already in a worker: the library works here directly rather than starting another.
      useWebWorker: false,
      onProgress: (progress) => self.postMessage({ id, progress }),
    });
    // The library hands back the original when its copy would be larger; the original may carry
    // metadata (or be a PNG), so it is drawn again: pixels only.
    if (blob === file || blob.type !== 'image/jpeg') blob = await redraw(file, maxLongSide, quality);
    const bitmap = await createImageBitmap(blob);
    self.postMessage({ id, blob, width: bitmap.width, height: bitmap.height });
    bitmap.close();
  } catch (error) {
    // A file the browser cannot open (e.g. HEIC outside Safari): the page says what to do.
    self.postMessage({ id, error: String(error?.name ?? error ?? 'unreadable') });
  }
});

async function redraw(file, maxLongSide, quality) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxLongSide / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}
