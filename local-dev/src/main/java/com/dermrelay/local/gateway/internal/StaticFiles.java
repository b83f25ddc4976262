package com.dermrelay.local.gateway.internal;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * The portal's static files, as the CDN serves them in production. Includes the white-label routes:
 * {@code /c/{slug}/...} is the patient app ({@code patient/index.html} for any path without a file
 * extension, so the single-page app's router takes over), its assets under {@code
 * /c/{slug}/assets/} from {@code patient/assets/}. Third-party browser scripts are the {@code dist}
 * folders of the npm packages {@code portal/package.json} depends on, served under {@code
 * /vendor/<package>/} (installed by {@code npm ci} in {@code portal/}, never committed); {@code
 * node_modules} itself is not served.
 */
public final class StaticFiles {
  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("webp", "image/webp"),
          Map.entry("json", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("map", "application/json"));

  /** CloudFront leaves smaller files as they are: compressing them gains nothing. */
  private static final int MIN_COMPRESSED_BYTES = 1_000;

  /** Where the portal's third-party scripts are served, {@code /vendor/<package>/<file>}. */
  public static final String VENDOR = "vendor";

  private final Path root;
  private final Set<String> vendorPackages;

  /**
   * @param root the portal directory; need not exist (then nothing is found)
   */
  public StaticFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.vendorPackages = vendorPackages(this.root.resolve("package.json"));
  }

  /** The npm packages the portal depends on (its package.json's dependencies), by name. */
  static Set<String> vendorPackages(Path packageJson) {
    if (!Files.isRegularFile(packageJson)) {
      return Set.of();
    }
    try {
      Set<String> names = new TreeSet<>();
      new ObjectMapper()
          .readTree(packageJson.toFile())
          .path("dependencies")
          .fieldNames()
          .forEachRemaining(names::add);
      return Set.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + packageJson, e);
    }
  }

  /**
   * Serves a GET or HEAD for {@code rawPath} if a file answers it.
   *
   * @return false if nothing answers (the caller sends 404); traversal attempts are nothing
   */
  public boolean serve(HttpExchange exchange, String rawPath) throws IOException {
    List<String> segments;
    try {
      segments = safeSegments(rawPath);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (segments == null) {
      return false;
    }
    boolean trailingSlash = rawPath.endsWith("/");
    if (segments.size() >= 2 && segments.get(0).equals("c")) {
      return servePatientApp(
          exchange, rawPath, segments.subList(2, segments.size()), trailingSlash);
    }
    if (!segments.isEmpty() && segments.get(0).equals("node_modules")) {
      return false;
    }
    if (segments.size() >= 3 && segments.get(0).equals(VENDOR)) {
      // Scoped packages (@scope/name) are not used; a package name is one segment.
      String name = segments.get(1);
      if (!vendorPackages.contains(name)) {
        return false;
      }
      List<String> inDist = new ArrayList<>(List.of("node_modules", name, "dist"));
      inDist.addAll(segments.subList(2, segments.size()));
      return sendFile(exchange, resolve(inDist));
    }
    Path file = resolve(segments);
    if (file != null && Files.isDirectory(file)) {
      if (!trailingSlash) {
        return redirectToDirectory(exchange, rawPath);
      }
      file = file.resolve("index.html");
    }
    return sendFile(exchange, file);
  }

  private boolean servePatientApp(
      HttpExchange exchange, String rawPath, List<String> rest, boolean trailingSlash)
      throws IOException {
    if (rest.isEmpty() && !trailingSlash) {
      return redirectToDirectory(exchange, rawPath);
    }
    Path file;
    if (!rest.isEmpty() && (rest.get(0).equals("assets") || last(rest).contains("."))) {
      file = resolve(prepend("patient", rest));
    } else {
      file = resolve(List.of("patient", "index.html"));
    }
    return sendFile(exchange, file);
  }

  /** Null for a file outside the root, which normalisation should make impossible anyway. */
  private Path resolve(List<String> segments) {
    Path file = root;
    for (String segment : segments) {
      file = file.resolve(segment);
    }
    file = file.normalize();
    return file.startsWith(root) ? file : null;
  }

  private boolean sendFile(HttpExchange exchange, Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file) || !insideRootForReal(file)) {
      return false;
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    String type = contentType(file);
    byte[] body = Files.readAllBytes(file);
    exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
    if (compressible(type, body.length)
        && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      body = gzip(body);
    }
    Exchanges.send(exchange, 200, type, body);
    return true;
  }

  /**
   * What CloudFront compresses (the distribution's behaviours set compress): text-like types from
   * 1,000 bytes on. Brotli, which CloudFront also offers, has no encoder in the JDK: gzip locally.
   */
  static boolean compressible(String contentType, int length) {
    if (length < MIN_COMPRESSED_BYTES) {
      return false;
    }
    return contentType.startsWith("text/")
        || contentType.startsWith("application/json")
        || contentType.startsWith("application/manifest+json")
        || contentType.startsWith("image/svg+xml");
  }

  /** Whether an Accept-Encoding header allows gzip (named, or "*", and not with q=0). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
      if (!coding.equals("gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim().replace(" ", "");
        if (parameter.matches("q=0(\\.0{0,3})?")) {
          refused = true;
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    }
    return out.toByteArray();
  }

  /** A symbolic link must not lead out of the portal directory. */
  private boolean insideRootForReal(Path file) throws IOException {
    return file.toRealPath().startsWith(root.toRealPath());
  }

  private static boolean redirectToDirectory(HttpExchange exchange, String rawPath)
      throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    exchange
        .getResponseHeaders()
        .set("Location", rawPath + "/" + (query == null ? "" : "?" + query));
    Exchanges.send(exchange, 301, null, new byte[0]);
    return true;
  }

  /**
   * Decoded, non-empty segments; null if any would climb out (.., .) or smuggle a separator.
   *
   * @throws IllegalArgumentException for broken percent-encoding
   */
  static List<String> safeSegments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = PercentDecoding.decodePath(raw);
      if (segment.equals("..")
          || segment.equals(".")
          || segment.contains("/")
          || segment.contains("\\")
          || segment.indexOf('\0') >= 0) {
        return null;
      }
      segments.add(segment);
    }
    return segments;
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static String last(List<String> list) {
    return list.get(list.size() - 1);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
