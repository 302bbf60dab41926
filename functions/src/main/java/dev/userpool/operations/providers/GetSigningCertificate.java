package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.SamlSigningCertificateStore;
import java.util.Base64;

/**
 * Cognito GetSigningCertificate: the pool's SAML signing certificate as base64 DER (the API
 * reference: "the signing certificate ... that Amazon Cognito uses to sign SAML requests"), created
 * on the first call and the same on every later one.
 */
public final class GetSigningCertificate implements Operation {
  private final Lookups lookups;
  private final SamlSigningCertificateStore certificates;
  private final SelfSignedCertificates factory;

  public GetSigningCertificate(
      Lookups lookups, SamlSigningCertificateStore certificates, SelfSignedCertificates factory) {
    this.lookups = lookups;
    this.certificates = certificates;
    this.factory = factory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    byte[] der =
        certificates
            .getOrCreate(pool.id(), () -> factory.create(pool.id(), ctx.now()))
            .certificateDer();
    ObjectNode out = Json.object();
    out.put("Certificate", Base64.getEncoder().encodeToString(der));
    return out;
  }
}
