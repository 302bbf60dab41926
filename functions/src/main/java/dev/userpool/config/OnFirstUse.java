package dev.userpool.config;

import java.util.function.Supplier;

/**
 * A value built the first time it is asked for, then kept. For parts that are expensive to build
 * and rarely needed (an HTTP client loads a few hundred JDK classes and its TLS set-up): building
 * them in the wiring would put that work into every Lambda cold start and into SnapStart snapshots.
 */
public final class OnFirstUse<T> implements Supplier<T> {
  private final Supplier<T> build;
  private volatile T value;

  public OnFirstUse(Supplier<T> build) {
    this.build = build;
  }

  @Override
  public T get() {
    T built = value;
    if (built == null) {
      synchronized (this) {
        built = value;
        if (built == null) {
          built = build.get();
          value = built;
        }
      }
    }
    return built;
  }
}
