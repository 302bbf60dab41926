package dev.userpool.store.table;

/** What must be true of the stored item for a write to apply. */
public sealed interface Condition {
  /** Always applies. */
  record None() implements Condition {}

  /** Applies only if no live (unexpired) item has the key. */
  record Absent() implements Condition {}

  /** Applies only if a live item exists with exactly this version. */
  record VersionIs(long version) implements Condition {}

  /** Applies only if a live item exists (any version). */
  record Exists() implements Condition {}

  Condition NONE = new None();
  Condition ABSENT = new Absent();
  Condition EXISTS = new Exists();

  static Condition versionIs(long version) {
    return new VersionIs(version);
  }
}
