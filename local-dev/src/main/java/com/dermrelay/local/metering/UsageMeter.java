package com.dermrelay.local.metering;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * Counts what the local stack serves, for the cost model (docs/cost-model.md): function invocations
 * and their duration, DynamoDB capacity consumed by the functions, S3 requests by kind. One per
 * JVM, because the SDK builds {@link MeteringInterceptor} itself; a test reads it with {@link
 * #reset()} before and {@link #snapshot()} after what it measures (tests of one JVM run one after
 * another).
 *
 * <p>Cheap on purpose: a few map updates per call, nothing on the path when no function runs.
 */
public final class UsageMeter {
  private static final UsageMeter GLOBAL = new UsageMeter();

  /** The function running on this thread; DynamoDB calls are attributed to it. */
  private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

  private final Map<String, Counter> functions = new ConcurrentHashMap<>();
  private final Map<String, Capacity> dynamoDb = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> s3 = new ConcurrentHashMap<>();

  private UsageMeter() {}

  public static UsageMeter global() {
    return GLOBAL;
  }

  /**
   * Runs one invocation of {@code function} and records it. The duration leaves out the time spent
   * inside Step Functions API calls: locally those run the workflow's next steps in-line (each
   * metered as its own invocation), while on AWS they return in milliseconds.
   */
  public <T> T meter(String function, Supplier<T> invocation) {
    Running previous = RUNNING.get();
    Running running = new Running(function);
    RUNNING.set(running);
    long start = System.nanoTime();
    try {
      return invocation.get();
    } finally {
      long nanos = System.nanoTime() - start - running.excludedNanos;
      RUNNING.set(previous);
      Counter counter = functions.computeIfAbsent(function, f -> new Counter());
      counter.invocations.incrementAndGet();
      counter.nanos.addAndGet(Math.max(0, nanos));
    }
  }

  static boolean inFunction() {
    return RUNNING.get() != null;
  }

  static void excludeFromDuration(long nanos) {
    Running running = RUNNING.get();
    if (running != null) {
      running.excludedNanos += nanos;
    }
  }

  void recordDynamoDb(String operation, double readUnits, double writeUnits) {
    Capacity capacity = dynamoDb.computeIfAbsent(operation, o -> new Capacity());
    capacity.requests.incrementAndGet();
    capacity.readUnits.add(readUnits);
    capacity.writeUnits.add(writeUnits);
    Running running = RUNNING.get();
    if (running != null) {
      Counter counter = functions.computeIfAbsent(running.function, f -> new Counter());
      counter.readUnits.add(readUnits);
      counter.writeUnits.add(writeUnits);
    }
  }

  /** One S3 request served by the emulator, by API ({@code PutObject}, {@code GetObject}...). */
  public void recordS3(String operation) {
    s3.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
  }

  public void reset() {
    functions.clear();
    dynamoDb.clear();
    s3.clear();
  }

  public Usage snapshot() {
    Map<String, Usage.Function> fns = new TreeMap<>();
    functions.forEach(
        (name, c) ->
            fns.put(
                name,
                new Usage.Function(
                    c.invocations.get(),
                    c.nanos.get() / 1_000_000.0,
                    c.readUnits.sum(),
                    c.writeUnits.sum())));
    Map<String, Usage.DynamoDb> db = new TreeMap<>();
    dynamoDb.forEach(
        (operation, c) ->
            db.put(
                operation,
                new Usage.DynamoDb(c.requests.get(), c.readUnits.sum(), c.writeUnits.sum())));
    Map<String, Long> objects = new TreeMap<>();
    s3.forEach((operation, count) -> objects.put(operation, count.get()));
    return new Usage(fns, db, objects);
  }

  private static final class Running {
    final String function;
    long excludedNanos;

    Running(String function) {
      this.function = function;
    }
  }

  private static final class Counter {
    final AtomicLong invocations = new AtomicLong();
    final AtomicLong nanos = new AtomicLong();
    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();
  }

  private static final class Capacity {
    final AtomicLong requests = new AtomicLong();
    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();
  }
}
