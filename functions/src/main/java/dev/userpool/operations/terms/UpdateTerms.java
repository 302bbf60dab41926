package dev.userpool.operations.terms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.Terms;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ClientSlotTakenException;
import dev.userpool.store.TermsStore;
import java.util.Map;

/**
 * Cognito UpdateTerms: members the request carries replace the stored ones, the others stay
 * (TermsName, TermsSource, Enforcement and Links are all optional here). Renaming to a TermsName
 * the client already uses is TermsExistsException.
 */
public final class UpdateTerms implements Operation {
  private final Lookups lookups;
  private final TermsStore terms;

  public UpdateTerms(Lookups lookups, TermsStore terms) {
    this.lookups = lookups;
    this.terms = terms;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String termsId = in.string("TermsId");
    Terms saved =
        Retries.onStaleWrite(
            () -> {
              Terms current =
                  terms.find(poolId, termsId).orElseThrow(() -> TermsView.notFound(termsId));
              Map<String, String> links = in.has("Links") ? in.stringMap("Links") : current.links();
              Terms changed =
                  new Terms(
                      poolId,
                      termsId,
                      current.clientId(),
                      in.stringOr("TermsName", current.termsName()),
                      in.stringOr("TermsSource", current.termsSource()),
                      in.stringOr("Enforcement", current.enforcement()),
                      links,
                      current.creationDate(),
                      ctx.now(),
                      current.version());
              try {
                return terms.update(current, changed);
              } catch (ClientSlotTakenException e) {
                throw TermsView.exists(current.clientId(), changed.termsName());
              }
            });
    return TermsView.wrapped(saved);
  }
}
