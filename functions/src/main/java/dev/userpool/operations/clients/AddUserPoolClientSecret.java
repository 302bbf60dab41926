package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.ConstantTime;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.ClientSecret;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.AppClientStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cognito AddUserPoolClientSecret: a second secret for a confidential client, for rotation without
 * downtime. Checks, top-down: the pool and client exist (ResourceNotFoundException); the client is
 * confidential — it already has a secret (InvalidParameterException; message ours); it has fewer
 * than two (LimitExceededException; message ours); a custom ClientSecret is not one it already has
 * (InvalidParameterException; message ours). The answer carries ClientSecretValue only when
 * Userpool generated the secret (API reference, ClientSecretDescriptorType).
 */
public final class AddUserPoolClientSecret implements Operation {
  /** "Supports up to 2 active secrets per app client" (API reference). */
  static final int MAX_SECRETS = 2;

  private final Lookups lookups;
  private final AppClientStore clients;
  private final SecureRandom random;

  public AddUserPoolClientSecret(Lookups lookups, AppClientStore clients, SecureRandom random) {
    this.lookups = lookups;
    this.clients = clients;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String clientId = in.string("ClientId");
    boolean custom = in.has("ClientSecret");
    String value = in.optString("ClientSecret").orElseGet(() -> Identifiers.clientSecret(random));
    ClientSecret[] added = new ClientSecret[1];
    Retries.onStaleWrite(
        () -> {
          AppClient current = lookups.client(poolId, clientId);
          if (!current.hasSecret()) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                "Client "
                    + clientId
                    + " does not have a client secret; secrets can only be added to confidential"
                    + " clients.");
          }
          if (current.secrets().size() >= MAX_SECRETS) {
            throw ErrorCode.LIMIT_EXCEEDED.exception(
                "Client "
                    + clientId
                    + " already has "
                    + MAX_SECRETS
                    + " client secrets; delete one first.");
          }
          for (ClientSecret existing : current.secrets()) {
            if (ConstantTime.equals(existing.value(), value)) {
              throw ErrorCode.INVALID_PARAMETER.exception(
                  "The client secret already exists for client " + clientId + ".");
            }
          }
          added[0] = newSecret(current, value, ctx.now());
          List<ClientSecret> secrets = new ArrayList<>(current.secrets());
          secrets.add(added[0]);
          return clients.update(current.withSecrets(secrets));
        });
    ObjectNode descriptor = Json.object();
    descriptor.put("ClientSecretId", added[0].id());
    if (!custom) {
      descriptor.put("ClientSecretValue", added[0].value());
    }
    descriptor.put("ClientSecretCreateDate", Json.epochSeconds(added[0].createdAt()));
    ObjectNode out = Json.object();
    out.set("ClientSecretDescriptor", descriptor);
    return out;
  }

  /**
   * The new secret; its id is derived from its creation time, which moves on a millisecond if
   * another has it.
   */
  private static ClientSecret newSecret(AppClient client, String value, Instant now) {
    Instant created = now;
    while (true) {
      ClientSecret candidate = ClientSecret.of(client.clientId(), value, created);
      if (client.secrets().stream().noneMatch(s -> s.id().equals(candidate.id()))) {
        return candidate;
      }
      created = created.plusMillis(1);
    }
  }
}
