package dev.userpool.operations.terms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.TermsStore;

/**
 * Cognito DeleteTerms: removes the document and frees its TermsName for the client; unknown ids are
 * not found.
 */
public final class DeleteTerms implements Operation {
  private final Lookups lookups;
  private final TermsStore terms;

  public DeleteTerms(Lookups lookups, TermsStore terms) {
    this.lookups = lookups;
    this.terms = terms;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String termsId = in.string("TermsId");
    terms.delete(terms.find(poolId, termsId).orElseThrow(() -> TermsView.notFound(termsId)));
    return Json.object();
  }
}
