package dev.userpool.domain;

import java.time.Instant;

/**
 * The classic hosted UI's customization of a pool ({@code clientId} {@link #ALL}) or of one app
 * client: CSS and a logo image (raw bytes), either of which may be null.
 */
public record UiCustomization(
    String userPoolId,
    String clientId,
    String css,
    byte[] image,
    Instant creationDate,
    Instant lastModifiedDate) {

  /** The ClientId under which the pool-wide customization is stored and answered. */
  public static final String ALL = "ALL";
}
