package com.dermrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A WebP of a picture, encoded by Chromium's canvas ({@code toDataURL('image/webp')}, lossy, as a
 * browser or an Android phone writes one): neither the JDK nor TwelveMonkeys writes WebP, and the
 * build machines have no WebP tool, but the bench drives Chromium already.
 */
final class ChromiumWebP {
  private ChromiumWebP() {}

  static Path fromJpeg(Path jpeg, double quality) throws Exception {
    ChromeDriver browser = ThrottledUploadProbe.browser();
    try {
      browser.get("about:blank");
      Object encoded =
          browser.executeAsyncScript(
              """
              const [jpeg, quality, done] = arguments;
              const image = new Image();
              image.onload = () => {
                const canvas = document.createElement('canvas');
                canvas.width = image.naturalWidth;
                canvas.height = image.naturalHeight;
                canvas.getContext('2d').drawImage(image, 0, 0);
                done(canvas.toDataURL('image/webp', quality));
              };
              image.onerror = () => done('the JPEG did not load');
              image.src = 'data:image/jpeg;base64,' + jpeg;
              """,
              Base64.getEncoder().encodeToString(Files.readAllBytes(jpeg)),
              quality);
      String url = String.valueOf(encoded);
      if (!url.startsWith("data:image/webp;base64,")) {
        throw new IllegalStateException(
            "Chromium made no WebP: " + url.substring(0, Math.min(60, url.length())));
      }
      Path webp = Files.createTempFile("dermrelay-photo", ".webp");
      Files.write(webp, Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)));
      return webp;
    } finally {
      browser.quit();
    }
  }
}
