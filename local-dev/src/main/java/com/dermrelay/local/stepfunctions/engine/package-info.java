/**
 * Internal: running executions. A {@code PathRunner} runs one path (the execution or a Parallel
 * branch) state after state; waits (Wait, Retry backoff, task timeouts and heartbeats, callback
 * tokens, branches) suspend the path and a clock timer or an API call resumes it on the executor.
 * {@code Scope}s tie timers and tokens to the execution so StopExecution and failures cancel them.
 */
package com.dermrelay.local.stepfunctions.engine;
