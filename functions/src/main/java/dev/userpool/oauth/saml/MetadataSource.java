package dev.userpool.oauth.saml;

import dev.userpool.config.OnFirstUse;
import dev.userpool.domain.IdentityProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A SAML provider's metadata: the stored MetadataFile, or the document at MetadataURL, fetched with
 * short timeouts and a size cap and kept for {@link #CACHE_FOR} per URL (so a key rollover at the
 * IdP is seen within that time without fetching on every sign-in).
 */
public final class MetadataSource {
  static final Duration CACHE_FOR = Duration.ofMinutes(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private record Cached(IdpMetadata metadata, Instant until) {}

  private final Supplier<HttpClient> http;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public MetadataSource() {
    this(new OnFirstUse<>(() -> HttpClient.newBuilder().connectTimeout(TIMEOUT).build()));
  }

  MetadataSource(Supplier<HttpClient> http) {
    this.http = http;
  }

  IdpMetadata of(IdentityProvider provider, Instant now) {
    String file = provider.details().get("MetadataFile");
    if (file != null) {
      return IdpMetadata.parse(file);
    }
    String url = provider.details().get("MetadataURL");
    if (url == null) {
      throw new SamlException("The provider has no metadata.");
    }
    Cached cached = cache.get(url);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.metadata();
    }
    IdpMetadata fetched = IdpMetadata.parse(fetch(url));
    cache.put(url, new Cached(fetched, now.plus(CACHE_FOR)));
    return fetched;
  }

  private String fetch(String url) {
    try {
      HttpResponse<InputStream> response =
          http.get()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new SamlException("The metadata URL answered " + response.statusCode() + ".");
        }
        byte[] bytes = body.readNBytes(SafeXml.MAX_BYTES + 1);
        if (bytes.length > SafeXml.MAX_BYTES) {
          throw new SamlException("The metadata document is too large.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new SamlException("The metadata URL could not be read.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SamlException("The metadata URL could not be read.");
    }
  }
}
