package com.dermrelay.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.gateway.internal.ClaimRendering;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimRenderingTest {
  @Test
  void rendersValuesAsHttpApiDoes() {
    assertEquals("text", ClaimRendering.render("text"));
    assertEquals("1700000000", ClaimRendering.render(1700000000L));
    assertEquals("1.5", ClaimRendering.render(1.5d));
    assertEquals("1700000000", ClaimRendering.render(1.7e9d));
    assertEquals("false", ClaimRendering.render(false));
    assertEquals(
        "[patient clinic_admin]", ClaimRendering.render(List.of("patient", "clinic_admin")));
    assertEquals("[]", ClaimRendering.render(List.of()));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1L);
    map.put("a", List.of("x"));
    assertEquals("map[a:[x] z:1]", ClaimRendering.render(map));
  }
}
