package dev.userpool.auth;

import dev.userpool.errors.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
 * Signature=…} header. Missing parts answer IncompleteSignatureException, worded as AWS's JSON
 * services word it.
 */
record SigV4Authorization(
    String algorithm, String credential, List<String> signedHeaders, String signature) {

  static SigV4Authorization parse(String header, boolean hasDate) {
    String value = header.strip();
    int space = indexOfWhitespace(value);
    String algorithm = space < 0 ? value : value.substring(0, space);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (space >= 0) {
      for (String part : value.substring(space + 1).split(",")) {
        String item = part.strip();
        int equals = item.indexOf('=');
        if (equals > 0) {
          parameters.put(item.substring(0, equals).strip(), item.substring(equals + 1).strip());
        }
      }
    }
    StringBuilder missing = new StringBuilder();
    for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
      String given = parameters.get(required);
      if (given == null || given.isEmpty()) {
        missing.append("Authorization header requires '").append(required).append("' parameter. ");
      }
    }
    if (!hasDate) {
      missing.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (!missing.isEmpty()) {
      // AWS echoes the whole header after "Authorization="; only the algorithm is echoed here.
      throw ErrorCode.INCOMPLETE_SIGNATURE.exception(missing + "Authorization=" + algorithm);
    }
    List<String> signed = new ArrayList<>();
    for (String name : parameters.get("SignedHeaders").split(";")) {
      if (!name.isBlank()) {
        signed.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    return new SigV4Authorization(
        algorithm, parameters.get("Credential"), List.copyOf(signed), parameters.get("Signature"));
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
