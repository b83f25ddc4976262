package com.dermrelay.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security finding 5 (docs/security.md): which addresses a tenant-configured URL may reach, on AWS
 * and in the local stack, by address, by URL as saved, and by what a name resolves to.
 */
class OutboundAddressGuardTest {
  private static final OutboundAddressGuard ON_AWS =
      new OutboundAddressGuard(
          false,
          host -> {
            throw new UnknownHostException(host);
          });
  private static final OutboundAddressGuard LOCAL =
      new OutboundAddressGuard(
          true,
          host -> {
            throw new UnknownHostException(host);
          });

  private static InetAddress literal(String address) throws UnknownHostException {
    // A literal is parsed, never looked up.
    return InetAddress.getByName(address.contains(":") ? "[" + address + "]" : address);
  }

  @ParameterizedTest(name = "{0} is refused on AWS ({1})")
  @CsvSource({
    "127.0.0.1, loopback",
    "127.255.255.254, loopback",
    "::1, loopback",
    "169.254.169.254, link-local",
    "169.254.0.1, link-local",
    "fe80::1, link-local",
    "fd00:ec2::254, unique-local",
    "fc00::1, unique-local",
    "10.0.0.1, private",
    "10.255.255.255, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.0.1, private",
    "fec0::1, private",
    "100.64.0.1, shared",
    "100.127.255.255, shared",
    "224.0.0.1, multicast",
    "239.255.255.250, multicast",
    "ff02::1, multicast",
    "0.0.0.0, unspecified",
    "0.1.2.3, unspecified",
    "::, unspecified",
    "192.0.0.192, reserved",
    "192.0.2.1, reserved",
    "198.18.0.1, reserved",
    "198.51.100.7, reserved",
    "203.0.113.9, reserved",
    "240.0.0.1, reserved",
    "255.255.255.255, reserved",
    "2001:db8::1, reserved",
    "100::1, reserved",
    "2001::1, reserved",
    // IPv4-mapped, -compatible, NAT64 and 6to4 forms are judged by the IPv4 address inside.
    "::ffff:169.254.169.254, link-local",
    "::ffff:10.0.0.1, private",
    "::ffff:127.0.0.1, loopback",
    "::10.0.0.1, private",
    "64:ff9b::a9fe:a9fe, link-local",
    "64:ff9b::a00:1, private",
    "2002:a9fe:a9fe::1, link-local",
    "2002:c0a8:101::1, private",
    "64:ff9b:1::1, reserved",
  })
  void nonPublicAddressesAreRefusedOnAws(String address, String kind) throws UnknownHostException {
    Optional<String> refusal = ON_AWS.refusal(literal(address));
    assertTrue(refusal.isPresent(), address + " is allowed");
    assertTrue(refusal.get().contains(kind), address + ": " + refusal.get());
  }

  @ParameterizedTest(name = "{0} is a public address")
  @ValueSource(
      strings = {
        "8.8.8.8",
        "52.94.236.248",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.169.0.1",
        "169.253.255.255",
        "11.0.0.1",
        "2600:1f18::1",
        "2a05:d018::1",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void publicAddressesAreAllowed(String address) throws UnknownHostException {
    assertEquals(Optional.empty(), ON_AWS.refusal(literal(address)), address);
    assertEquals(Optional.empty(), LOCAL.refusal(literal(address)), address);
  }

  @Test
  void theLocalStackMayReachLoopbackAndNothingElseThatIsInternal() throws UnknownHostException {
    for (String loopback : List.of("127.0.0.1", "::1", "::ffff:127.0.0.1")) {
      assertEquals(Optional.empty(), LOCAL.refusal(literal(loopback)), loopback);
    }
    for (String internal :
        List.of("169.254.169.254", "fd00:ec2::254", "10.0.0.1", "192.168.1.1", "0.0.0.0")) {
      assertTrue(LOCAL.refusal(literal(internal)).isPresent(), internal);
    }
  }

  @ParameterizedTest(name = "{0} is refused when saved on AWS")
  @ValueSource(
      strings = {
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.1/",
        "https://[::1]/fhir",
        "https://[fd00:ec2::254]/",
        "https://[::ffff:169.254.169.254]/",
        "https://[::ffff:a9fe:a9fe]/",
        "https://localhost/fhir",
        "https://LOCALHOST:8443/",
        "https://ehr.localhost/fhir",
        "http://127.0.0.1:8090/fhir",
        "https://2852039166/",
        "https://0xa9fea9fe/",
        "https://0251.0376.0251.0376/",
        "https://169.254.43518/",
        "https://127.1/",
        "https://[fe80::1%25eth0]/",
        "https://0.0.0.0:443/",
        "https://100.64.0.10/token"
      })
  void aUrlNamingAnInternalAddressIsRefusedWhenSaved(String url) {
    assertTrue(ON_AWS.refusalForUrl(url).isPresent(), url);
  }

  @ParameterizedTest(name = "{0} may be saved on AWS")
  @ValueSource(
      strings = {
        "https://ehr.example.org/fhir",
        "https://fhir.clinic.example:8443/r4",
        "https://8.8.8.8/fhir",
        "https://[2600:1f18::1]/fhir",
        "/brands/northside/logo.svg",
        "https://cdn.example.com/logo.png",
        "https://1password.example/fhir",
        "https://10.example.org/"
      })
  void aPublicUrlMayBeSaved(String url) {
    assertEquals(Optional.empty(), ON_AWS.refusalForUrl(url), url);
  }

  @Test
  void theLocalStackMaySaveLocalhostButNotTheMetadataService() {
    assertEquals(Optional.empty(), LOCAL.refusalForUrl("http://localhost:8090/fhir/northside"));
    assertEquals(Optional.empty(), LOCAL.refusalForUrl("http://127.0.0.1:8090/fhir/northside"));
    assertTrue(LOCAL.refusalForUrl("https://169.254.169.254/").isPresent());
    assertTrue(LOCAL.refusalForUrl("https://[fd00:ec2::254]/").isPresent());
  }

  @Test
  void aNameIsCheckedByEveryAddressItResolvesTo() throws UnknownHostException {
    Map<String, String[]> dns =
        Map.of(
            "ehr.example.org", new String[] {"52.94.236.248", "2600:1f18::1"},
            "rebound.example.org", new String[] {"52.94.236.248", "10.0.0.7"},
            "metadata.example.org", new String[] {"169.254.169.254"},
            "loop.example.org", new String[] {"127.0.0.1"});
    OutboundAddressGuard.Resolver resolver =
        host -> {
          String[] answers = dns.get(host);
          if (answers == null) {
            throw new UnknownHostException(host);
          }
          InetAddress[] addresses = new InetAddress[answers.length];
          for (int i = 0; i < answers.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, literal(answers[i]).getAddress());
          }
          return addresses;
        };
    OutboundAddressGuard aws = new OutboundAddressGuard(false, resolver);
    assertEquals(2, aws.resolveAllowed("ehr.example.org").size());
    OutboundAddressGuard.Refused mixed =
        assertThrows(
            OutboundAddressGuard.Refused.class, () -> aws.resolveAllowed("rebound.example.org"));
    assertTrue(
        mixed.getMessage().contains("rebound.example.org")
            && mixed.getMessage().contains("private"),
        mixed.getMessage());
    assertThrows(
        OutboundAddressGuard.Refused.class, () -> aws.resolveAllowed("metadata.example.org"));
    assertThrows(OutboundAddressGuard.Refused.class, () -> aws.resolveAllowed("loop.example.org"));
    assertThrows(UnknownHostException.class, () -> aws.resolveAllowed("nowhere.example.org"));
    assertFalse(
        new OutboundAddressGuard(true, resolver).resolveAllowed("loop.example.org").isEmpty(),
        "the local stack reaches its own EHR stand-in by name");
  }
}
