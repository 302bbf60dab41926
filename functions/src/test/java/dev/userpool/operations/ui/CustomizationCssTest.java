package dev.userpool.operations.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.errors.CognitoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The developer guide's CSS restrictions for the classic hosted UI. */
class CustomizationCssTest {
  @Test
  void whenOnlyCustomizableClassesAreStyledThenTheCssIsAccepted() {
    assertDoesNotThrow(
        () ->
            CustomizationCss.check(
                """
        /* brand */
        .logo-customizable { max-width: 60%; max-height: 30%; }
        .submitButton-customizable:hover, .idpButton-customizable:hover { color: #fff; }
        .banner-customizable { padding: 25px 0px 25px 0px; background-color: lightgray; }
        """));
    assertDoesNotThrow(() -> CustomizationCss.check(""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "body { color: red; }",
        ".logo-customizable, div { color: red; }",
        ".label-customizable { color: red; } }",
        "@import url(https://evil.example/x.css);",
        ".label-customizable { background: url(javascript:alert(1)); }",
        "@media (max-width: 10px) { .label-customizable { color: red; } }",
        ".label-customizable { color: red;"
      })
  void whenCssBreaksARestrictionThenInvalidParameter(String css) {
    CognitoException e = assertThrows(CognitoException.class, () -> CustomizationCss.check(css));
    assertEquals("INVALID_PARAMETER", e.code().name());
  }
}
