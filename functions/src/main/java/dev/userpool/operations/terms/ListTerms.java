package dev.userpool.operations.terms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.Terms;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.TermsStore;

/**
 * Cognito ListTerms: the pool's documents as TermsDescriptionType, MaxResults (1–60, default 60)
 * per page.
 */
public final class ListTerms implements Operation {
  private final Lookups lookups;
  private final TermsStore terms;

  public ListTerms(Lookups lookups, TermsStore terms) {
    this.lookups = lookups;
    this.terms = terms;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    Page<Terms> page =
        terms.list(
            poolId, in.optInt("MaxResults").orElse(60), in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("Terms");
    page.items().forEach(t -> items.add(TermsView.summary(t)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
