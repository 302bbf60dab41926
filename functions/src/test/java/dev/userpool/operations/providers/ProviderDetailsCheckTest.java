package dev.userpool.operations.providers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.errors.CognitoException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign in with Apple's required ProviderDetails (CreateIdentityProvider API reference). */
class ProviderDetailsCheckTest {
  private static Map<String, String> apple() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("client_id", "com.example.web");
    details.put("team_id", "TEAM123456");
    details.put("key_id", "KEY1234567");
    details.put("private_key", "-----BEGIN PRIVATE KEY-----");
    details.put("authorize_scopes", "email name");
    return details;
  }

  @Test
  void whenAppleDetailsAreCompleteThenTheyPass() {
    assertDoesNotThrow(() -> ProviderDetailsCheck.check("SignInWithApple", apple()));
    assertDoesNotThrow(() -> ProviderDetailsCheck.checkName("SignInWithApple", "SignInWithApple"));
  }

  @Test
  void whenAnAppleDetailIsMissingOrBlankThenInvalidParameterNamesIt() {
    for (String key : apple().keySet()) {
      Map<String, String> missing = apple();
      missing.remove(key);
      CognitoException e =
          assertThrows(
              CognitoException.class, () -> ProviderDetailsCheck.check("SignInWithApple", missing));
      assertEquals(dev.userpool.errors.ErrorCode.INVALID_PARAMETER, e.code());
      assertEquals(key + " is required for the SignInWithApple provider type.", e.getMessage());

      Map<String, String> blank = apple();
      blank.put(key, " ");
      assertThrows(
          CognitoException.class, () -> ProviderDetailsCheck.check("SignInWithApple", blank));
    }
    // no client_secret: Apple's is made from the private key
    assertDoesNotThrow(() -> ProviderDetailsCheck.check("SignInWithApple", apple()));
  }

  @Test
  void whenAppleProviderHasAnotherNameThenInvalidParameter() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> ProviderDetailsCheck.checkName("Apple", "SignInWithApple"));
    assertEquals("Provider Apple cannot be of type SignInWithApple.", e.getMessage());
  }
}
