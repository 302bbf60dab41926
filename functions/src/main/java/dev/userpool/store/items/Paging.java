package dev.userpool.store.items;

import dev.userpool.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Pagination tokens: the last sort key of a page, base64url-encoded so callers treat it as opaque.
 */
final class Paging {
  private Paging() {}

  static String token(String lastSortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastSortKey.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns null for a null token; a token that is not ours is an InvalidParameterException. */
  static String sortKey(String token, String requiredPrefix) {
    if (token == null) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid pagination token.");
    }
    if (!decoded.startsWith(requiredPrefix)) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid pagination token.");
    }
    return decoded;
  }
}
