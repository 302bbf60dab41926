package dev.userpool.oauth.saml;

/**
 * A SAML message or metadata document refused; the message is the reason shown after Cognito's
 * "Invalid SAML response received: " and never contains the document itself.
 */
public final class SamlException extends RuntimeException {
  public SamlException(String reason) {
    super(reason, null, false, false);
  }
}
