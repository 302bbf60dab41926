package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetCategoryType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetExtensionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ColorSchemeModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsEnforcementType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsSourceType;

/**
 * Managed login branding and terms documents on the hosted pages, through the AWS SDK and plain
 * HTTP: on a ManagedLoginVersion 2 domain the sign-up page links the client's terms documents in
 * the user's language (lang, then Accept-Language, then cognito:default) once both kinds exist, and
 * every page carries the client's branding colors and form logo, escaped, instead of the UI
 * customization; on a version 1 domain nothing of either shows and the UI customization does.
 */
class HostedBrandingIT {
  private static final String CALLBACK = "https://app.example.com/cb";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
  private static final String UI_CSS = ".submitButton-customizable { background-color: navy; }";

  @RegisterExtension
  static final LocalServerExtension server =
      new LocalServerExtension(MutableClock.at(Instant.now()));

  private final CognitoIdentityProviderClient cognito = server.client();
  private final HttpClient http = HttpClient.newHttpClient();

  private record Pool(String poolId, String clientId) {}

  /** A self-sign-up pool with a domain of the version, and a code-flow client. */
  private Pool pool(int managedLoginVersion) {
    String poolId = cognito.createUserPool(b -> b.poolName("branding")).userPool().id();
    cognito.createUserPoolDomain(
        r ->
            r.userPoolId(poolId)
                .domain("brand-" + poolId.toLowerCase().replace("_", "-"))
                .managedLoginVersion(managedLoginVersion));
    return new Pool(poolId, client(poolId));
  }

  private String client(String poolId) {
    return cognito
        .createUserPoolClient(
            r ->
                r.userPoolId(poolId)
                    .clientName("web")
                    .allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid")
                    .callbackURLs(CALLBACK)
                    .supportedIdentityProviders("COGNITO"))
        .userPoolClient()
        .clientId();
  }

  private void terms(Pool pool, String name, Map<String, String> links) {
    cognito.createTerms(
        b ->
            b.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .termsName(name)
                .termsSource(TermsSourceType.LINK)
                .enforcement(TermsEnforcementType.NONE)
                .links(links));
  }

  /** Terms, branding and a UI customization for the pool's client. */
  private void brand(Pool pool) {
    terms(
        pool,
        "terms-of-use",
        Map.of(
            "cognito:default", "https://example.com/terms?a=1&b=\"x\"",
            "cognito:french", "https://example.com/fr/terms"));
    terms(
        pool,
        "privacy-policy",
        Map.of(
            "cognito:default", "https://example.com/privacy",
            "cognito:french", "javascript:alert(1)"));
    Document settings =
        Document.mapBuilder()
            .putDocument(
                "components",
                Document.mapBuilder()
                    .putDocument(
                        "primaryButton",
                        Document.mapBuilder()
                            .putDocument(
                                "lightMode",
                                Document.mapBuilder()
                                    .putDocument(
                                        "defaults",
                                        Document.mapBuilder()
                                            .putString("backgroundColor", "0972d3ff")
                                            .putString("textColor", "ffffffff")
                                            .build())
                                    .build())
                            .build())
                    .putDocument(
                        "pageBackground",
                        Document.mapBuilder()
                            .putDocument(
                                "lightMode",
                                Document.mapBuilder()
                                    .putString("color", "red}</style><script>alert(1)</script>")
                                    .build())
                            .build())
                    .build())
            .build();
    cognito.createManagedLoginBranding(
        b ->
            b.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .settings(settings)
                .assets(
                    AssetType.builder()
                        .category(AssetCategoryType.FORM_LOGO)
                        .colorMode(ColorSchemeModeType.LIGHT)
                        .extension(AssetExtensionType.PNG)
                        .bytes(SdkBytes.fromByteArray(PNG))
                        .build()));
    cognito.setUICustomization(b -> b.userPoolId(pool.poolId()).css(UI_CSS));
  }

  private String signUpPage(Pool pool, String extraQuery, String acceptLanguage) throws Exception {
    String url =
        server.endpoint()
            + "/signup?response_type=code&client_id="
            + pool.clientId()
            + "&redirect_uri="
            + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
            + extraQuery;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    return page.body();
  }

  @Test
  void whenTheDomainIsManagedLoginThenSignUpLinksTheTermsInTheUsersLanguageWithTheBranding()
      throws Exception {
    Pool pool = pool(2);
    brand(pool);

    String page = signUpPage(pool, "", null);
    assertTrue(
        page.contains("href=\"https://example.com/terms?a=1&amp;b=&quot;x&quot;\""),
        "default terms link, escaped: " + page);
    assertTrue(page.contains("Terms of use</a>"), page);
    assertTrue(page.contains("href=\"https://example.com/privacy\""), page);
    assertTrue(page.contains("Privacy policy</a>"), page);
    assertTrue(
        page.contains(":root{--button-background:#0972d3ff;--button-text:#ffffffff;}"),
        "the two colors, and no --page-background for the value that is not a color: " + page);
    assertTrue(
        page.contains(
            "<img class=\"logo-customizable\" alt=\"logo\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(PNG)
                + "\">"),
        page);
    assertFalse(page.contains("<script>"), "a color that is not a color is dropped: " + page);
    assertFalse(page.contains(UI_CSS), "UI customization is the classic UI's: " + page);

    String french = signUpPage(pool, "&lang=fr", null);
    assertTrue(french.contains("href=\"https://example.com/fr/terms\""), french);
    assertFalse(french.contains("javascript:"), "only https links: " + french);
    assertTrue(
        french.contains("href=\"https://example.com/privacy\""),
        "a French link that is not https falls back to the default: " + french);
    String byHeader = signUpPage(pool, "", "fr-CA,fr;q=0.9,en;q=0.8");
    assertTrue(byHeader.contains("href=\"https://example.com/fr/terms\""), byHeader);
    String langWins = signUpPage(pool, "&lang=en", "fr");
    assertTrue(langWins.contains("href=\"https://example.com/terms?a=1"), langWins);
    String login =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.endpoint()
                                + "/login?response_type=code&client_id="
                                + pool.clientId()
                                + "&redirect_uri="
                                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(
        login.contains("--button-background:#0972d3ff;"), "branding on every page: " + login);
    assertFalse(login.contains("example.com/privacy"), "terms on sign-up only: " + login);
  }

  @Test
  void whenTheClientHasOnlyOneKindOfTermsThenNoneShowAndNoBrandingGivesTheDefaultLook()
      throws Exception {
    Pool pool = pool(2);
    terms(pool, "terms-of-use", Map.of("cognito:default", "https://example.com/terms"));
    cognito.setUICustomization(b -> b.userPoolId(pool.poolId()).css(UI_CSS));

    String page = signUpPage(pool, "", null);
    assertFalse(page.contains("https://example.com/terms"), page);
    assertTrue(page.contains("<style id=\"managed-login-branding\">body{"), page);
    assertFalse(page.contains(UI_CSS), page);
    assertFalse(page.contains("<img class=\"logo-customizable\""), page);
  }

  @Test
  void whenTheDomainIsTheClassicHostedUiThenUiCustomizationAppliesAndNoTermsOrBranding()
      throws Exception {
    Pool pool = pool(1);
    brand(pool);

    String page = signUpPage(pool, "&lang=fr", null);
    assertTrue(page.contains(UI_CSS), page);
    assertFalse(page.contains("example.com/"), "no terms links: " + page);
    assertFalse(page.contains("managed-login-branding"), page);
    assertFalse(page.contains("0972d3ff"), page);
    assertFalse(page.contains("<img class=\"logo-customizable\""), page);
  }
}
