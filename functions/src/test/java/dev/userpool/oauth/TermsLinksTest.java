package dev.userpool.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.userpool.domain.Terms;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermsLinksTest {
  @Test
  void langWinsOverAcceptLanguageWhoseFirstLocalizedTagIsUsed() {
    assertEquals("cognito:german", TermsLinks.language("de", "fr"));
    assertEquals("cognito:portuguese-brazil", TermsLinks.language("pt-BR", null));
    assertEquals("cognito:french", TermsLinks.language("xx", "sv, fr-CA;q=0.9, en;q=0.8"));
    assertEquals("cognito:chinese-traditional", TermsLinks.language(null, "zh-TW"));
    assertNull(TermsLinks.language(null, "sv"));
    assertNull(TermsLinks.language(null, null));
  }

  @Test
  void aLanguageWithoutAnHttpsLinkFallsBackToTheDefault() {
    Terms terms =
        new Terms(
            "pool",
            "id",
            "client",
            "terms-of-use",
            "LINK",
            "NONE",
            Map.of(
                "cognito:default", "https://example.com/t",
                "cognito:french", "http://example.com/fr"),
            Instant.EPOCH,
            Instant.EPOCH,
            0);
    assertEquals("https://example.com/t", TermsLinks.link(terms, "cognito:french"));
    assertEquals("https://example.com/t", TermsLinks.link(terms, null));
    assertNull(TermsLinks.link(null, "cognito:default"));
  }
}
