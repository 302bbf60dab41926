package dev.userpool.operations.terms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Terms;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;

/**
 * Renders terms as TermsType or TermsDescriptionType, and the errors the terms operations share.
 */
final class TermsView {
  private TermsView() {}

  static ObjectNode full(Terms t) {
    ObjectNode o = Json.object();
    o.put("TermsId", t.termsId());
    o.put("UserPoolId", t.poolId());
    o.put("ClientId", t.clientId());
    o.put("TermsName", t.termsName());
    o.put("TermsSource", t.termsSource());
    o.put("Enforcement", t.enforcement());
    o.set("Links", Json.tree(t.links()));
    o.put("CreationDate", Json.epochSeconds(t.creationDate()));
    o.put("LastModifiedDate", Json.epochSeconds(t.lastModifiedDate()));
    return o;
  }

  static ObjectNode summary(Terms t) {
    ObjectNode o = Json.object();
    o.put("TermsId", t.termsId());
    o.put("TermsName", t.termsName());
    o.put("Enforcement", t.enforcement());
    o.put("CreationDate", Json.epochSeconds(t.creationDate()));
    o.put("LastModifiedDate", Json.epochSeconds(t.lastModifiedDate()));
    return o;
  }

  static ObjectNode wrapped(Terms t) {
    ObjectNode out = Json.object();
    out.set("Terms", full(t));
    return out;
  }

  /** TermsExistsException (modeled for Create/UpdateTerms; message ours). */
  static RuntimeException exists(String clientId, String termsName) {
    return ErrorCode.TERMS_EXISTS.exception(
        "Terms " + termsName + " already exist for client " + clientId + ".");
  }

  /** ResourceNotFoundException for an unknown terms id (message ours). */
  static RuntimeException notFound(String termsId) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Terms " + termsId + " does not exist.");
  }
}
