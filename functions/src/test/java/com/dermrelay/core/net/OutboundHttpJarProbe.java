package com.dermrelay.core.net;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Run by {@link OutboundHttpInDeploymentJarsIT} in a JVM whose classpath is one deployment jar and
 * this class only: POSTs to {@code args[0]} with loopback allowed (as in the local stack), then
 * again as on AWS, and prints what happened, so HttpClient 5 is shown to be in the jar and to work
 * there, not only on the test classpath. One class, no nested ones: it is copied alone.
 */
public final class OutboundHttpJarProbe {
  private OutboundHttpJarProbe() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    Map<String, String> headers = Map.of("Content-Type", "application/json");
    OutboundHttp.Response answer =
        new OutboundHttp(new OutboundAddressGuard(true, InetAddress::getAllByName))
            .post(url, headers, "{\"probe\":true}", Duration.ofSeconds(10));
    System.out.println("local: " + answer.status() + " " + answer.body());
    try {
      new OutboundHttp(new OutboundAddressGuard(false, InetAddress::getAllByName))
          .post(url, headers, "{\"probe\":true}", Duration.ofSeconds(10));
      System.out.println("aws: called");
    } catch (OutboundAddressGuard.Refused e) {
      System.out.println("aws: refused: " + e.getMessage());
    }
  }
}
