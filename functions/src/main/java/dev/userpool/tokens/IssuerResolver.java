package dev.userpool.tokens;

import dev.userpool.config.AppConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The issuer of a pool's tokens: {@code <base>/<poolId>}. The base is {@link
 * AppConfig#issuerBaseUrl()} when set (in AWS the CDK stack sets it to the API's stage URL);
 * otherwise the URL the request reached, e.g. {@code http://localhost:9229} for the local server
 * (see {@link dev.userpool.protocol.ApiRequest#baseUrl()}), so that {@code iss +
 * "/.well-known/jwks.json"} is this server.
 *
 * <p>Accepting an issuer: with a configured base the {@code iss} must be exactly {@code
 * <base>/<poolId>}. Without one, tokens issued through another host name of the same server
 * (localhost vs 127.0.0.1) must keep working, so any {@code http(s)://…/<poolId>} is accepted; the
 * signature, made with the pool's private key, is what binds the token to this service.
 */
public final class IssuerResolver {
  /** The model's UserPoolIdType. */
  private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

  private final String configuredBase;

  public IssuerResolver(String configuredBaseUrl) {
    this.configuredBase =
        configuredBaseUrl == null || configuredBaseUrl.isBlank() ? null : trim(configuredBaseUrl);
  }

  public static IssuerResolver of(AppConfig config) {
    return new IssuerResolver(config.issuerBaseUrl());
  }

  /**
   * The configured base, else the request's; fails when neither is known (a request without a Host
   * header).
   */
  public String baseUrl(String requestBaseUrl) {
    if (configuredBase != null) {
      return configuredBase;
    }
    if (requestBaseUrl == null || requestBaseUrl.isBlank()) {
      throw new IllegalStateException("no issuer base URL: configure USERPOOL_ISSUER_BASE_URL");
    }
    return trim(requestBaseUrl);
  }

  public String issuer(String poolId, String requestBaseUrl) {
    return baseUrl(requestBaseUrl) + "/" + poolId;
  }

  /** The pool an {@code iss} names, if it is an issuer this service would have written. */
  public Optional<String> poolIdOf(String iss) {
    if (iss == null) {
      return Optional.empty();
    }
    int slash = iss.lastIndexOf('/');
    String poolId = iss.substring(slash + 1);
    String base = slash < 0 ? "" : iss.substring(0, slash);
    if (!POOL_ID.matcher(poolId).matches()) {
      return Optional.empty();
    }
    boolean baseOk =
        configuredBase != null
            ? configuredBase.equals(base)
            : base.startsWith("http://") || base.startsWith("https://");
    return baseOk ? Optional.of(poolId) : Optional.empty();
  }

  private static String trim(String url) {
    String out = url.strip();
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
