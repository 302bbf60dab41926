package dev.userpool.operations.terms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.TermsStore;

/** Cognito DescribeTerms: one document by pool and terms id. */
public final class DescribeTerms implements Operation {
  private final Lookups lookups;
  private final TermsStore terms;

  public DescribeTerms(Lookups lookups, TermsStore terms) {
    this.lookups = lookups;
    this.terms = terms;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String termsId = in.string("TermsId");
    return TermsView.wrapped(
        terms.find(poolId, termsId).orElseThrow(() -> TermsView.notFound(termsId)));
  }
}
