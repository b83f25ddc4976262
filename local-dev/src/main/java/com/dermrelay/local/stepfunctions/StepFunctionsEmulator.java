package com.dermrelay.local.stepfunctions;

import com.dermrelay.local.http.LocalHttpServer;
import com.dermrelay.local.stepfunctions.api.SfnJsonApiHandler;
import com.dermrelay.local.stepfunctions.engine.ExecutionEngine;
import com.dermrelay.local.stepfunctions.engine.ExecutionStore;
import com.dermrelay.local.stepfunctions.engine.TrampolineExecutor;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local Step Functions: an ASL interpreter behind the Step Functions JSON API.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (StepFunctionsEmulator sfn = StepFunctionsEmulator.builder(invoker).clock(clock).build()) {
 *   LocalHttpServer server = sfn.start("127.0.0.1", 0);   // SfnClient endpointOverride(server.url())
 *   ...
 *   clock.advance(Duration.ofHours(1));                   // fires Wait states, retries, timeouts
 * }
 * }</pre>
 *
 * With a {@link ManualClock} and no explicit executor, executions run on the calling thread (a
 * trampoline): StartExecution, SendTask*, and {@code advance} return once the execution has run as
 * far as it can. Otherwise they run on a small pool and time is real.
 */
public final class StepFunctionsEmulator implements AutoCloseable {
  private final EmulatorClock clock;
  private final StepFunctionsService service;
  private final ExecutorService ownedExecutor;
  private final ExecutionEngine engine;
  private final boolean ownsClock;
  private LocalHttpServer server;

  /** An emulator in us-east-1, account 000000000000. */
  public StepFunctionsEmulator(TaskInvoker invoker, EmulatorClock clock) {
    this(builder(invoker).clock(clock));
  }

  private StepFunctionsEmulator(Builder builder) {
    this.ownsClock = builder.clock == null;
    this.clock = ownsClock ? new RealTimeClock() : builder.clock;
    Executor executor = builder.executor;
    if (executor == null && clock instanceof ManualClock) {
      executor = new TrampolineExecutor();
    }
    if (executor == null) {
      AtomicInteger count = new AtomicInteger();
      ownedExecutor =
          Executors.newFixedThreadPool(
              builder.threads,
              runnable -> {
                Thread thread = new Thread(runnable, "sfn-exec-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      executor = ownedExecutor;
    } else {
      ownedExecutor = null;
    }
    this.engine =
        new ExecutionEngine(
            clock,
            executor,
            builder.invoker,
            builder.region,
            builder.dataDir == null ? null : new ExecutionStore(builder.dataDir));
    this.service = new StepFunctionsService(engine, clock, builder.region, builder.accountId);
  }

  public static Builder builder(TaskInvoker invoker) {
    return new Builder(invoker);
  }

  /** The operations as Java calls, for tests and in-process wiring. */
  public StepFunctionsService service() {
    return service;
  }

  /** See {@link StepFunctionsService#awaitStatus}. */
  public ExecutionDescription awaitStatus(
      String executionArn, ExecutionStatus expected, java.time.Duration timeout) {
    return service.awaitStatus(executionArn, expected, timeout);
  }

  public EmulatorClock clock() {
    return clock;
  }

  /** The clock when it is a ManualClock (tests of other modules drive time through it). */
  public ManualClock manualClock() {
    if (clock instanceof ManualClock manual) {
      return manual;
    }
    throw new IllegalStateException(
        "this emulator runs on " + clock.getClass().getSimpleName() + ", not a ManualClock");
  }

  /** Starts the JSON API on {@code host:port} (0 = any free port). */
  public synchronized LocalHttpServer start(String host, int port) {
    if (server != null) {
      throw new IllegalStateException("already serving on " + server.url());
    }
    server = LocalHttpServer.start("sfn", host, port, new SfnJsonApiHandler(service));
    return server;
  }

  /**
   * From now on nothing more is written to the data directory, as after a crash; for tests that
   * stop a stack abruptly and start another one on its directory.
   */
  public void haltPersistence() {
    engine.haltPersistence();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
      // Wait for the threads to stop, so no checkpoint is written into the data directory after
      // close returns (a test deletes it then; a restart on it must not meet a late write).
      try {
        ownedExecutor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (ownsClock && clock instanceof RealTimeClock real) {
      real.close();
    }
  }

  /** Options; only the invoker is required. */
  public static final class Builder {
    private final TaskInvoker invoker;
    private EmulatorClock clock;
    private Executor executor;
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private int threads = 8;
    private java.nio.file.Path dataDir;

    private Builder(TaskInvoker invoker) {
      this.invoker = Objects.requireNonNull(invoker, "invoker");
    }

    /** Default: a {@link RealTimeClock} the emulator owns. */
    public Builder clock(EmulatorClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where executions run; default a trampoline under a ManualClock, else a pool of {@link
     * #threads}.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Keeps every execution in {@code dir} (one JSON file each, rewritten at each state entry): an
     * emulator built on the same directory describes them all and, once told to ({@link
     * StepFunctionsService#resumePersistedExecutions}), runs the RUNNING ones on from where they
     * were. Default: in memory only.
     */
    public Builder dataDir(java.nio.file.Path dir) {
      this.dataDir = dir;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.threads = threads;
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      if (accountId == null || !accountId.matches("\\d{12}")) {
        throw new IllegalArgumentException("an account id has 12 digits: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    public StepFunctionsEmulator build() {
      return new StepFunctionsEmulator(this);
    }
  }
}
