package dev.userpool.store;

/**
 * Secret keys of the whole deployment (not of one pool), e.g. the key that seals SRP state into
 * SECRET_BLOCK so that any container can finish a handshake another one started. Created once,
 * race-safe: concurrent first callers all get the key that was stored first.
 */
public interface DeploymentKeyStore {
  /** The key named {@code name}, creating it from {@code fresh} if there is none yet. */
  byte[] getOrCreate(String name, java.util.function.Supplier<byte[]> fresh);
}
