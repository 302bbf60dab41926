package dev.userpool.oauth;

import dev.userpool.crypto.ConstantTime;
import dev.userpool.protocol.ApiRequest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection of every hosted form (double submit): each form carries a random token in a
 * hidden {@code _csrf} field and the same token in a SameSite=Strict, HttpOnly cookie; a POST is
 * accepted only when both are present and equal (compared in constant time). Another site can make
 * a browser post, but can neither read the field nor set the cookie.
 */
final class Csrf {
  static final String COOKIE = "userpool-csrf";
  static final String FIELD = "_csrf";

  private final SecureRandom random;

  Csrf(SecureRandom random) {
    this.random = random;
  }

  String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean accepts(ApiRequest request, Form form) {
    String expected = HostedPages.cookie(request, COOKIE);
    String sent = form.get(FIELD);
    return expected != null && sent != null && ConstantTime.equals(expected, sent);
  }

  static String setCookie(String token, boolean secure) {
    return COOKIE
        + "="
        + token
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
