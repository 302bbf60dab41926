package dev.userpool.operations.terms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.Terms;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ClientSlotTakenException;
import dev.userpool.store.TermsStore;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Cognito CreateTerms: one terms document per app client and TermsName (API reference: "Each
 * request accepts one type of terms document"), TermsExistsException for a second one. Checks,
 * top-down: the pool, then the client in that pool (ResourceNotFoundException); Links present — a
 * LINK document without links has nothing to show (InvalidParameterException; message ours); the
 * name not yet used by the client.
 */
public final class CreateTerms implements Operation {
  private final Lookups lookups;
  private final TermsStore terms;
  private final SecureRandom random;

  public CreateTerms(Lookups lookups, TermsStore terms, SecureRandom random) {
    this.lookups = lookups;
    this.terms = terms;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String clientId = lookups.client(poolId, in.string("ClientId")).clientId();
    Map<String, String> links = in.stringMap("Links");
    if (links.isEmpty()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Links are required for terms with TermsSource LINK.");
    }
    Terms created =
        new Terms(
            poolId,
            Identifiers.sub(random),
            clientId,
            in.string("TermsName"),
            in.string("TermsSource"),
            in.string("Enforcement"),
            links,
            ctx.now(),
            ctx.now(),
            0);
    try {
      terms.create(created);
    } catch (ClientSlotTakenException e) {
      throw TermsView.exists(clientId, created.termsName());
    }
    return TermsView.wrapped(created);
  }
}
