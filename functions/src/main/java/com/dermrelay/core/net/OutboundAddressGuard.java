package com.dermrelay.core.net;

import com.dermrelay.core.config.Settings;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Which network addresses the platform may call at a tenant's request (a clinic's EHR endpoint and
 * token URL, its logo, any URL a tenant configures): public unicast Internet addresses only.
 * Refused: loopback (allowed in the local stack only), link-local (the cloud metadata service
 * 169.254.169.254 among them), private (RFC 1918, deprecated IPv6 site-local), unique-local
 * (fd00:ec2::254, the metadata service over IPv6, among them), shared/CGNAT (100.64/10), multicast,
 * unspecified, and reserved or documentation ranges. IPv4-mapped, IPv4-compatible, NAT64 and 6to4
 * IPv6 addresses are judged by the IPv4 address inside.
 *
 * <p>Applied twice: when a URL is saved ({@link #refusalForUrl}: addresses written out, and names
 * that always mean this machine) and when it is called ({@link #resolveAllowed}: every address the
 * name resolves to at that moment), because what a name resolves to can change after it was saved.
 * {@link OutboundHttp} then connects to one of the addresses checked, never looking the name up
 * again.
 */
@Singleton
public final class OutboundAddressGuard {
  /** Looks a host name up; the system's DNS in production, a table in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A destination the platform will not call; the message names the host and the kind, no more. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** A dotted quad as URLs should write one: four decimal parts 0-255, no leading zeros. */
  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");

  /** A last label of digits or hex: no DNS name ends so, but inet_aton reads it as an address. */
  private static final Pattern NUMERIC_LAST_LABEL =
      Pattern.compile("(^|\\.)(0x[0-9a-f]*|[0-9]+)\\.?$");

  private final boolean loopbackAllowed;
  private final Resolver resolver;

  @Inject
  public OutboundAddressGuard(Settings settings) {
    this(settings.localStack(), InetAddress::getAllByName);
  }

  /**
   * @param loopbackAllowed true in the local stack only, where the EHR stand-in is on localhost
   */
  public OutboundAddressGuard(boolean loopbackAllowed, Resolver resolver) {
    this.loopbackAllowed = loopbackAllowed;
    this.resolver = resolver;
  }

  /** What kind of address this is, if the platform may not call it; empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    Optional<String> kind = kind(address);
    if (kind.isPresent() && kind.get().equals(LOOPBACK) && loopbackAllowed) {
      return Optional.empty();
    }
    return kind;
  }

  /**
   * Why a URL as saved may not be called: its host is an address written out that is refused, a
   * number that is not a canonical dotted quad (2852039166, 0xa9fea9fe, 127.1 all reach
   * 169.254.169.254 or loopback through inet_aton), a zone id, or {@code localhost} outside the
   * local stack. Empty for a relative path (a logo on this site) and for other names: those are
   * checked when called, after resolution. No DNS lookup happens here.
   */
  public Optional<String> refusalForUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid address");
    }
    if (!uri.isAbsolute()) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null) {
      return Optional.of("has no host name");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      if (host.contains("%")) {
        return Optional.of("names a link-local address with a zone");
      }
      return literal(host).map(this::refusal).orElse(Optional.of("is not a valid address"));
    }
    if (CANONICAL_IPV4.matcher(host).matches()) {
      return literal(host).map(this::refusal).orElse(Optional.of("is not a valid address"));
    }
    if (NUMERIC_LAST_LABEL.matcher(host).find()) {
      return Optional.of("writes an address in a form other than four decimal numbers");
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if ((name.equals("localhost") || name.endsWith(".localhost")) && !loopbackAllowed) {
      return Optional.of("names this machine (loopback)");
    }
    return Optional.empty();
  }

  /**
   * Every address {@code host} resolves to now, when all of them may be called; one refused address
   * refuses the host (a name that mixes public and internal addresses is a rebinding trick or a
   * mistake). Connect only to what this returns.
   *
   * @throws Refused if any address is refused
   * @throws UnknownHostException if the name does not resolve
   */
  public List<InetAddress> resolveAllowed(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address);
      if (refused.isPresent()) {
        throw new Refused(
            host + " resolves to a " + refused.get() + " address, which is not allowed");
      }
    }
    return List.of(addresses);
  }

  private static final String LOOPBACK = "loopback";

  /** The refused kind of an address, whatever the stack; loopback included. */
  static Optional<String> kind(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return kind4(b);
    }
    if (address instanceof Inet6Address) {
      return kind6(b);
    }
    return Optional.of("unknown");
  }

  private static Optional<String> kind4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return Optional.of("unspecified");
    }
    if (a0 == 127) {
      return Optional.of(LOOPBACK);
    }
    if (a0 == 169 && a1 == 254) {
      return Optional.of("link-local (cloud metadata)");
    }
    if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
      return Optional.of("private");
    }
    if (a0 == 100 && a1 >= 64 && a1 <= 127) {
      return Optional.of("shared (carrier-grade NAT)");
    }
    if (a0 >= 224 && a0 <= 239) {
      return Optional.of("multicast");
    }
    boolean reserved =
        a0 >= 240 // 240/4 reserved, 255.255.255.255 broadcast
            || (a0 == 192
                && a1 == 0
                && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
            || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
            || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
            || (a0 == 203 && a1 == 0 && a2 == 113); // TEST-NET-3
    return reserved ? Optional.of("reserved") : Optional.empty();
  }

  private static Optional<String> kind6(byte[] b) {
    if (isZero(b, 0, 16)) {
      return Optional.of("unspecified");
    }
    if (isZero(b, 0, 15) && b[15] == 1) {
      return Optional.of(LOOPBACK);
    }
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): the IPv4 address decides.
    if (isZero(b, 0, 10)
        && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
      return kind4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0xff) {
      return Optional.of("multicast");
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return Optional.of("link-local");
    }
    if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return Optional.of("private (site-local)");
    }
    if ((first & 0xfe) == 0xfc) {
      return Optional.of("unique-local");
    }
    // 64:ff9b::/96 NAT64 (AWS DNS64 answers these): the IPv4 address decides.
    if (first == 0
        && second == 0x64
        && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b
        && isZero(b, 4, 12)) {
      return kind4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    // 2002::/16 6to4: the IPv4 address in bits 16-47 decides.
    if (first == 0x20 && second == 0x02) {
      return kind4(new byte[] {b[2], b[3], b[4], b[5]});
    }
    boolean reserved =
        (first == 0 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b)
            // 64:ff9b:1::/48, NAT64 for local use
            || (first == 0x01 && second == 0 && isZero(b, 2, 8)) // 100::/64 discard
            || (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) // 2001::/32 Teredo
            || (first == 0x20
                && second == 0x01
                && (b[2] & 0xff) == 0x0d
                && (b[3] & 0xff) == 0xb8) // 2001:db8::/32
            || (first & 0xe0) != 0x20; // outside 2000::/3, the global unicast space
    return reserved ? Optional.of("reserved") : Optional.empty();
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Parses an address literal without any lookup; empty when it is not one. */
  private static Optional<InetAddress> literal(String host) {
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (!bracketed && !CANONICAL_IPV4.matcher(host).matches()) {
      return Optional.empty();
    }
    try {
      // A bracketed IPv6 literal or a canonical dotted quad: InetAddress parses these, never
      // resolves.
      return Optional.of(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
