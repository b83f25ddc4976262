package com.dermrelay.local.stepfunctions.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lifetime of an execution or of a Parallel's branches. Cancelling a scope (StopExecution, a
 * finished execution, a failed sibling branch) cancels its children and runs its hooks, which
 * cancel timers and retire task tokens; work resumed in a cancelled scope does nothing.
 */
public final class Scope {
  private final Scope parent;
  private final Set<Runnable> hooks = new LinkedHashSet<>();
  private final Set<Scope> children = new LinkedHashSet<>();
  private boolean cancelled;

  public Scope() {
    this(null);
  }

  private Scope(Scope parent) {
    this.parent = parent;
  }

  public synchronized boolean isActive() {
    return !cancelled;
  }

  public Scope child() {
    Scope child = new Scope(this);
    synchronized (this) {
      if (!cancelled) {
        children.add(child);
        return child;
      }
    }
    child.cancel();
    return child;
  }

  /** Registers a hook run on cancellation; runs it at once if already cancelled. */
  public void onCancel(Runnable hook) {
    synchronized (this) {
      if (!cancelled) {
        hooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  public synchronized void forget(Runnable hook) {
    hooks.remove(hook);
  }

  public void cancel() {
    List<Runnable> toRun;
    List<Scope> toCancel;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(hooks);
      toCancel = new ArrayList<>(children);
      hooks.clear();
      children.clear();
    }
    toCancel.forEach(Scope::cancel);
    toRun.forEach(Runnable::run);
    if (parent != null) {
      synchronized (parent) {
        parent.children.remove(this);
      }
    }
  }
}
