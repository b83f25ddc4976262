package com.dermrelay.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The patient portal's page asks for every module of its first screen at once ({@code <link
 * rel="modulepreload">}): a module app.js imports statically but the page does not preload costs a
 * phone one more round trip per import level; one it preloads but no longer imports costs bytes for
 * nothing. Later screens are {@code import()}ed and must stay out of the static graph.
 */
class PatientPortalPreloadTest {
  private static final Path PORTAL = Path.of("..", "portal").toAbsolutePath().normalize();
  private static final Pattern STATIC_IMPORT =
      Pattern.compile("^(?:import|export)\\b[^;'\"]*?\\bfrom\\s+'([^']+)'", Pattern.MULTILINE);
  private static final Pattern SIDE_EFFECT_IMPORT =
      Pattern.compile("^import\\s+'([^']+)'", Pattern.MULTILINE);

  /** What the page asks for itself: preloaded modules and module scripts other than app.js. */
  private static final Pattern PRELOAD =
      Pattern.compile(
          "<link rel=\"modulepreload\" href=\"([^\"]+)\">"
              + "|<script type=\"module\" src=\"(?!/patient/app\\.js)([^\"]+)\">");

  @Test
  void thePagePreloadsExactlyTheFirstScreensModules() throws IOException {
    Set<String> graph = staticGraph("/patient/app.js");
    graph.remove("/patient/app.js");
    Set<String> preloaded = new TreeSet<>();
    Matcher links = PRELOAD.matcher(Files.readString(PORTAL.resolve("patient/index.html")));
    while (links.find()) {
      preloaded.add(links.group(1) != null ? links.group(1) : links.group(2));
    }
    assertEquals(graph, preloaded, "the modules patient/index.html asks for itself");
    for (String later : graph) {
      assertTrue(
          !later.startsWith("/patient/views/")
              || Set.of(
                      "/patient/views/sign-in.js",
                      "/patient/views/session.js",
                      "/patient/views/problems.js")
                  .contains(later),
          later + " is a later screen's view: import() it when its route is shown");
    }
  }

  /** Every module reachable from {@code entry} through static imports, as site paths. */
  private static Set<String> staticGraph(String entry) throws IOException {
    Set<String> seen = new TreeSet<>();
    Deque<String> next = new ArrayDeque<>();
    next.add(entry);
    while (!next.isEmpty()) {
      String module = next.pop();
      if (!seen.add(module)) {
        continue;
      }
      String source = Files.readString(PORTAL.resolve(module.substring(1)));
      for (Pattern pattern : new Pattern[] {STATIC_IMPORT, SIDE_EFFECT_IMPORT}) {
        Matcher imports = pattern.matcher(source);
        while (imports.find()) {
          next.add(resolve(module, imports.group(1)));
        }
      }
    }
    return seen;
  }

  private static String resolve(String from, String specifier) {
    if (specifier.startsWith("/")) {
      return specifier;
    }
    Path base = Path.of(from).getParent();
    return base.resolve(specifier).normalize().toString().replace('\\', '/');
  }
}
