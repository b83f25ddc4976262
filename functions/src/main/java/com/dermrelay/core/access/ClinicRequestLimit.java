package com.dermrelay.core.access;

import com.dermrelay.core.data.RequestBuckets;
import com.dermrelay.core.http.TooManyRequests;
import com.dermrelay.core.tenancy.ClinicPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The per-clinic request rate of the clinic's plan (docs/operations.md "Plans and limits"): every
 * API request a clinic's patients and staff make under {@code /clinics/{tenantId}} takes a token
 * from the clinic's bucket in DynamoDB ({@link RequestBuckets}, one conditional UpdateItem); an
 * empty bucket answers 429 with {@code Retry-After} and the problem type {@value #PROBLEM}. One
 * clinic's flood empties only its own bucket. Workflow steps never pass here, so a case already
 * sent is never held up; platform operators are not counted (they may need to act on a flooding
 * clinic).
 *
 * <p>A short per-container memory: the last {@code tat} seen per clinic picks the update that
 * usually succeeds first, and while it shows the bucket empty the container refuses without a write
 * ({@code tat} only grows, so a bucket seen empty is still empty until then). Time is real time,
 * not the functions' clock, which a local stack lets tests move by days.
 */
@Singleton
public final class ClinicRequestLimit {
  public static final String PROBLEM = "urn:dermrelay:problem:clinic-request-rate";

  private final RequestBuckets buckets;
  private final Clock realTime;
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

  @Inject
  public ClinicRequestLimit(RequestBuckets buckets) {
    this(buckets, Clock.systemUTC());
  }

  ClinicRequestLimit(RequestBuckets buckets, Clock realTime) {
    this.buckets = buckets;
    this.realTime = realTime;
  }

  /**
   * Takes one request of {@code tenant}'s clinic.
   *
   * @throws TooManyRequests when the clinic's bucket is empty
   */
  void take(TenantContext tenant, ClinicPlan plan) {
    long now = micros(realTime.instant());
    long interval = 1_000_000L / plan.requestsPerSecond();
    long tolerance = (plan.burst() - 1L) * interval;
    Long seen = lastSeen.get(tenant.tenantId());
    if (seen != null && seen > now + tolerance) {
      throw refused(plan, seen - tolerance - now);
    }
    RequestBuckets.Path first =
        seen != null && seen >= now ? RequestBuckets.Path.BUSY : RequestBuckets.Path.IDLE;
    RequestBuckets.Outcome outcome = buckets.take(tenant, now, interval, tolerance, first);
    lastSeen.merge(tenant.tenantId(), outcome.tat(), Math::max);
    if (!outcome.allowed()) {
      throw refused(plan, outcome.tat() - tolerance - now);
    }
  }

  private static TooManyRequests refused(ClinicPlan plan, long waitMicros) {
    long seconds = Math.max(1, (waitMicros + 999_999) / 1_000_000);
    return new TooManyRequests(
        PROBLEM,
        "The clinic's plan allows "
            + plan.requestsPerSecond()
            + " requests a second (bursts of "
            + plan.burst()
            + "); try again in "
            + seconds
            + " seconds.",
        seconds);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
