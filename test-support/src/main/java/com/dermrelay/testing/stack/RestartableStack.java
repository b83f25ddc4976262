package com.dermrelay.testing.stack;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.gateway.contract.ContractCheck;
import java.nio.file.Path;

/**
 * An embedded stack on a data directory that a test can crash and start again, for the fault tests
 * of issue 20. Every port is fixed up front so the stack after the crash is where the clients (and
 * the tokens the identity service issued, whose issuer names its port) expect it. Its own stack:
 * not the shared one of {@code LocalStackExtension}, which is never crashed.
 */
public final class RestartableStack implements AutoCloseable {
  private final LocalStackConfig config;
  private LocalStack stack;

  private RestartableStack(LocalStackConfig config) {
    this.config = config;
    this.stack = LocalStack.start(config);
  }

  /**
   * A seeded test stack (manual clock, contract check recorded) keeping its data in {@code dir}.
   */
  public static RestartableStack start(Path dir) {
    LocalStackConfig config =
        LocalStackConfig.forTests()
            .withPorts(
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort())
            .withEhrPorts(LocalStackConfig.freePort(), LocalStackConfig.freePort())
            .withDataDir(dir)
            .withContractCheck(ContractCheck.Mode.RECORD);
    return new RestartableStack(config);
  }

  /** The stack running now. */
  public LocalStack stack() {
    return stack;
  }

  /** {@link LocalStack#crash} the running stack, then start a new one on the same data; it. */
  public LocalStack crashAndRestart() {
    stack.crash();
    stack = LocalStack.start(config);
    return stack;
  }

  @Override
  public void close() {
    stack.close();
  }
}
