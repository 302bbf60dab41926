package dev.userpool.store;

/**
 * An app client already has the one thing of a kind it may have: a terms document with this
 * TermsName, or a managed login branding style. Nothing was written.
 */
public final class ClientSlotTakenException extends RuntimeException {
  public ClientSlotTakenException() {
    super(null, null, false, false);
  }
}
