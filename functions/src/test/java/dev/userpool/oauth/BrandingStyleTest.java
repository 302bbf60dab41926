package dev.userpool.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.userpool.domain.ManagedLoginBranding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandingStyleTest {
  private static final String SVG =
      Base64.getEncoder()
          .encodeToString(
              "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));

  private static ManagedLoginBranding style(
      boolean cognitoValues, Object settings, List<Map<String, Object>> assets) {
    return new ManagedLoginBranding(
        "pool", "id", "client", cognitoValues, settings, assets, Instant.EPOCH, Instant.EPOCH, 0);
  }

  private static Map<String, Object> asset(String category, String mode, String ext, String b64) {
    return Map.of("Category", category, "ColorMode", mode, "Extension", ext, "Bytes", b64);
  }

  @Test
  void theBackgroundImageIsADataUriInsideUrlAndTheLightAssetWinsOverTheDynamicOne() {
    ManagedLoginBranding style =
        style(
            false,
            Map.of(
                "components", Map.of("form", Map.of("lightMode", Map.of("borderColor", "c6c6cd")))),
            List.of(
                asset("PAGE_BACKGROUND", "DYNAMIC", "PNG", "iVBORw=="),
                asset("PAGE_BACKGROUND", "LIGHT", "SVG", SVG),
                asset("PAGE_BACKGROUND", "DARK", "PNG", "iVBORw==")));
    assertEquals(
        ":root{--form-border:#c6c6cd;--page-image:url(data:image/svg+xml;base64," + SVG + ");}",
        BrandingStyle.variables(style));
  }

  @Test
  void webpIcoDarkOnlyAndUndecodableAssetsAreNotShown() {
    assertNull(
        BrandingStyle.logo(
            style(false, null, List.of(asset("FORM_LOGO", "LIGHT", "WEBP", "AAAA")))));
    assertNull(
        BrandingStyle.logo(style(false, null, List.of(asset("FORM_LOGO", "DARK", "PNG", "AAAA")))));
    assertNull(
        BrandingStyle.logo(
            style(false, null, List.of(asset("FORM_LOGO", "LIGHT", "PNG", "\"><script>")))));
    assertEquals(
        "data:image/jpeg;base64,/9j/",
        BrandingStyle.logo(
            style(false, null, List.of(asset("FORM_LOGO", "DYNAMIC", "JPEG", "/9j/")))));
  }

  @Test
  void cognitoProvidedValuesGiveTheDefaultLook() {
    assertEquals("", BrandingStyle.variables(style(true, null, List.of())));
  }
}
