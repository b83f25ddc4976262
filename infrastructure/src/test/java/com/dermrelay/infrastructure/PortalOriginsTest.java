package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortalOriginsTest {

  @Test
  void parsesACommaSeparatedStringTrimmingBlanks() {
    assertEquals(
        List.of("https://a.example.com", "https://b.example.com:8443"),
        PortalOrigins.parse(" https://a.example.com ,, https://b.example.com:8443 "));
  }

  @Test
  void parsesAListFromCdkJson() {
    assertEquals(
        List.of("https://a.example.com"), PortalOrigins.parse(List.of("https://a.example.com")));
  }

  @Test
  void defaultsToTheLocalPortal() {
    assertEquals(List.of("http://localhost:8080"), PortalOrigins.parse(null));
  }

  @Test
  void validationKeepsOrderAndDropsDuplicates() {
    assertEquals(
        List.of("https://b.example.com", "https://a.example.com"),
        PortalOrigins.validate(
            List.of("https://b.example.com", "https://a.example.com", "https://b.example.com")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "https://*.example.com",
        "https://portal.example.com/",
        "https://portal.example.com/app",
        "http://portal.example.com",
        "ftp://portal.example.com",
        "portal.example.com",
        "https://portal.example.com?x=1",
        "https://user@portal.example.com",
        "https://exa mple.com"
      })
  void rejectsAnythingButAnExactOrigin(String origin) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PortalOrigins.validate(List.of(origin)));
    assertTrue(e.getMessage().contains("'" + origin + "'"), e.getMessage());
  }

  @Test
  void allowsPlainHttpOnlyForLoopback() {
    assertEquals(
        List.of("http://localhost:8080", "http://127.0.0.1:3000"),
        PortalOrigins.validate(List.of("http://localhost:8080", "http://127.0.0.1:3000")));
  }

  @Test
  void rejectsAnEmptyListAndNonStringEntries() {
    assertThrows(IllegalArgumentException.class, () -> PortalOrigins.validate(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> PortalOrigins.validate(PortalOrigins.parse(" , ")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PortalOrigins.parse(List.of("https://a.example.com", 7)));
    assertTrue(e.getMessage().contains("strings"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PortalOrigins.parse(7));
  }
}
