package com.dermrelay.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.access.TestTenantContexts;
import com.dermrelay.core.aws.StsAssumeRoleTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Tenant sessions: one per tenant, reused until shortly before they expire, none without a role.
 */
class TenantCredentialsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/dermrelay-tenant-data";

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final MovableClock clock = new MovableClock();

  @Test
  void withoutARoleTheFunctionsOwnCredentialsAreUsedAndStsIsNeverCalled() {
    StsAssumeRoleTest.FakeSts sts = new StsAssumeRoleTest.FakeSts(clock);
    TenantCredentials credentials = new TenantCredentials(Optional.empty(), sts.client(), clock);
    assertTrue(credentials.forTenantId("northside-skin").isEmpty());
    assertTrue(
        new TenantCredentials(Optional.of(" "), sts.client(), clock).forTenantId("acme").isEmpty());
    assertEquals(List.of(), sts.forms());
  }

  @Test
  void aTenantsSessionIsReusedUntilFiveMinutesBeforeItExpiresThenRenewed() {
    StsAssumeRoleTest.FakeSts sts = new StsAssumeRoleTest.FakeSts(clock);
    TenantCredentials credentials = new TenantCredentials(Optional.of(ROLE), sts.client(), clock);

    AwsSessionCredentials first = session(credentials, "northside-skin");
    clock.now = clock.now.plus(Duration.ofMinutes(54));
    assertEquals(
        first, session(credentials, "northside-skin"), "still 6 minutes to go: the same session");
    assertEquals(1, sts.forms().size());

    clock.now = clock.now.plus(Duration.ofMinutes(2));
    AwsSessionCredentials renewed = session(credentials, "northside-skin");
    assertNotEquals(first.accessKeyId(), renewed.accessKeyId(), "4 minutes to go: renewed");
    assertEquals(2, sts.forms().size());
  }

  @Test
  void eachTenantHasItsOwnSessionTaggedWithItsId() {
    StsAssumeRoleTest.FakeSts sts = new StsAssumeRoleTest.FakeSts(clock);
    TenantCredentials credentials = new TenantCredentials(Optional.of(ROLE), sts.client(), clock);
    AwsSessionCredentials north = session(credentials, "northside-skin");
    AwsSessionCredentials harbour = session(credentials, "harbour-dermatology");
    assertNotEquals(north.accessKeyId(), harbour.accessKeyId());
    assertEquals(2, sts.forms().size());
    assertTrue(
        sts.forms()
            .get(0)
            .contains("Tags.member.1.Key=tenantId&Tags.member.1.Value=northside-skin"),
        sts.forms().get(0));
    assertTrue(
        sts.forms().get(1).contains("Tags.member.1.Value=harbour-dermatology"), sts.forms().get(1));
    assertTrue(
        sts.forms().get(1).contains("RoleSessionName=dermrelay-harbour-dermatology"),
        sts.forms().get(1));
  }

  @Test
  void aLinkIsSignedBySessionThatOutlivesItSoItNeverStopsWorkingEarly() {
    StsAssumeRoleTest.FakeSts sts = new StsAssumeRoleTest.FakeSts(clock);
    TenantCredentials credentials = new TenantCredentials(Optional.of(ROLE), sts.client(), clock);
    var tenant = TestTenantContexts.patient("northside-skin", "patient-1");
    AwsSessionCredentials first = session(credentials, "northside-skin");
    clock.now = clock.now.plus(Duration.ofMinutes(48)); // 12 minutes left

    assertEquals(
        first,
        presigning(credentials, tenant, Duration.ofMinutes(10)),
        "a 10-minute upload link fits");
    AwsSessionCredentials forExport = presigning(credentials, tenant, Duration.ofMinutes(15));
    assertNotEquals(
        first.accessKeyId(),
        forExport.accessKeyId(),
        "a 15-minute export link gets a fresh session");
    assertEquals(
        forExport, session(credentials, "northside-skin"), "which every later call then uses");

    clock.now = clock.now.plus(Duration.ofMinutes(29)); // 31 minutes left
    assertEquals(
        forExport,
        presigning(credentials, tenant, Duration.ofDays(7)),
        "a week-long EHR link is guaranteed half an hour, no more: sessions last one hour");
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertNotEquals(
        forExport.accessKeyId(), presigning(credentials, tenant, Duration.ofDays(7)).accessKeyId());
    assertEquals(3, sts.forms().size());
  }

  private static AwsSessionCredentials presigning(
      TenantCredentials credentials, TenantContext tenant, Duration linkLifetime) {
    return (AwsSessionCredentials)
        credentials
            .presignOverride(tenant, linkLifetime)
            .credentialsProvider()
            .orElseThrow()
            .resolveCredentials();
  }

  private static AwsSessionCredentials session(TenantCredentials credentials, String tenantId) {
    return (AwsSessionCredentials)
        credentials.forTenantId(tenantId).orElseThrow().resolveCredentials();
  }
}
