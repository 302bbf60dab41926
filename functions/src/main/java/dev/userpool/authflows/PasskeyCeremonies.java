package dev.userpool.authflows;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The two WebAuthn ceremonies, checked with webauthn4j (WebAuthn L2 §7.1 registration, §7.2
 * assertion): client data type, challenge, origin ({@link RelyingParty#allowsOrigin}), RP id hash,
 * user presence, user verification when the pool requires it, the algorithm (ES256 or RS256) and
 * the attestation statement — {@code none} or {@code packed} (self or x5c, whose chain is not
 * checked against a trust store: Cognito registers any passkey provider). Assertions are checked
 * against the stored public key, and a non-zero counter must grow (§6.1.1).
 */
public final class PasskeyCeremonies {
  /** ES256 and RS256, the algorithms offered in pubKeyCredParams. */
  public static final List<Long> ALGORITHMS = List.of(-7L, -257L);

  /**
   * webauthn4j's mappers, built on the first passkey ceremony rather than at cold start (class
   * holder idiom: lazy and thread-safe).
   */
  private static final class Engine {
    static final ObjectConverter CONVERTER = new ObjectConverter();
    static final WebAuthnManager MANAGER =
        new WebAuthnManager(
            List.of(
                new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier()),
            new NullCertPathTrustworthinessVerifier(),
            new DefaultSelfAttestationTrustworthinessVerifier(),
            CONVERTER);
    static final AttestedCredentialDataConverter ATTESTED_DATA =
        new AttestedCredentialDataConverter(CONVERTER);
  }

  /** A registration response, parsed but not yet verified. */
  public record Registration(RegistrationData data) {
    /** The challenge the client signed, as sent in CredentialCreationOptions. */
    public byte[] challenge() {
      return data.getCollectedClientData() == null
              || data.getCollectedClientData().getChallenge() == null
          ? new byte[0]
          : data.getCollectedClientData().getChallenge().getValue();
    }
  }

  /** What registration yields for storage. */
  public record Registered(
      String credentialId,
      String attestedCredentialData,
      long signCount,
      boolean userVerified,
      boolean backupEligible,
      boolean backedUp,
      List<String> transports) {}

  /** An assertion, parsed but not yet verified. */
  public record Assertion(AuthenticationData data) {
    public String credentialId() {
      return base64Url(data.getCredentialId());
    }
  }

  /** Parses a RegistrationResponseJSON; InvalidParameterException when it is not one. */
  public Registration parseRegistration(String json) {
    try {
      RegistrationData data = Engine.MANAGER.parseRegistrationResponseJSON(json);
      if (data.getAttestationObject() == null
          || data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData()
              == null) {
        throw ErrorCode.WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED.exception(
            "The credential carries no attested credential data."); // wording ours
      }
      return new Registration(data);
    } catch (CognitoException e) {
      throw e;
    } catch (RuntimeException e) {
      // webauthn4j's DataConversionException, Jackson's and the JDK's decoding errors alike
      throw malformed();
    }
  }

  /** Verifies a registration against the challenge that was issued and the pool's relying party. */
  public Registered verifyRegistration(
      Registration registration, byte[] challenge, RelyingParty rp) {
    RegistrationParameters parameters =
        new RegistrationParameters(
            server(challenge, rp),
            ALGORITHMS.stream()
                .map(
                    alg ->
                        new PublicKeyCredentialParameters(
                            PublicKeyCredentialType.PUBLIC_KEY,
                            COSEAlgorithmIdentifier.create(alg)))
                .toList(),
            rp.userVerificationRequired(),
            true);
    try {
      Engine.MANAGER.verify(registration.data(), parameters);
    } catch (BadOriginException | CrossOriginException | BadTopOriginException e) {
      throw ErrorCode.WEB_AUTHN_ORIGIN_NOT_ALLOWED.exception(
          "The origin of the passkey registration is not allowed for relying party "
              + rp.id()
              + "."); // wording ours
    } catch (BadRpIdException e) {
      throw ErrorCode.WEB_AUTHN_RELYING_PARTY_MISMATCH.exception(
          "The passkey credential was created for a different relying party than "
              + rp.id()
              + "."); // wording ours
    } catch (BadChallengeException | MissingChallengeException e) {
      throw challengeNotFound();
    } catch (VerificationException | DataConversionException e) {
      throw ErrorCode.WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED.exception(
          "The passkey credential is not supported: " + reason(e)); // wording ours
    } catch (RuntimeException e) {
      // a response webauthn4j parsed but cannot check (members missing): not a usable passkey
      throw ErrorCode.WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED.exception(
          "The passkey credential is not supported."); // wording ours
    }
    AuthenticatorData<?> authenticator =
        registration.data().getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticator.getAttestedCredentialData();
    Set<AuthenticatorTransport> transports = registration.data().getTransports();
    return new Registered(
        base64Url(attested.getCredentialId()),
        base64Url(Engine.ATTESTED_DATA.convert(attested)),
        authenticator.getSignCount(),
        authenticator.isFlagUV(),
        authenticator.isFlagBE(),
        authenticator.isFlagBS(),
        transports == null
            ? List.of()
            : transports.stream().map(AuthenticatorTransport::getValue).sorted().toList());
  }

  /** Parses an AuthenticationResponseJSON; InvalidParameterException when it is not one. */
  public Assertion parseAssertion(String json) {
    try {
      AuthenticationData data = Engine.MANAGER.parseAuthenticationResponseJSON(json);
      if (data.getCredentialId() == null || data.getAuthenticatorData() == null) {
        throw malformed();
      }
      return new Assertion(data);
    } catch (CognitoException e) {
      throw e;
    } catch (RuntimeException e) {
      throw malformed();
    }
  }

  /**
   * Verifies an assertion made with {@code stored} against the issued challenge; the new sign count
   * on success, NotAuthorizedException on any failure (wording ours).
   */
  public long verifyAssertion(
      Assertion assertion,
      byte[] challenge,
      RelyingParty rp,
      String storedAttestedData,
      long storedSignCount,
      boolean userVerifiedAtRegistration,
      boolean backupEligible,
      boolean backedUp) {
    AttestedCredentialData attested =
        Engine.ATTESTED_DATA.convert(Base64.getUrlDecoder().decode(storedAttestedData));
    CredentialRecordImpl record =
        new CredentialRecordImpl(
            new NoneAttestationStatement(),
            userVerifiedAtRegistration,
            backupEligible,
            backedUp,
            storedSignCount,
            attested,
            null,
            null,
            null,
            null);
    AuthenticationParameters parameters =
        new AuthenticationParameters(
            server(challenge, rp),
            record,
            List.of(attested.getCredentialId()),
            rp.userVerificationRequired(),
            true);
    try {
      Engine.MANAGER.verify(assertion.data(), parameters);
    } catch (VerificationException | DataConversionException e) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "The passkey assertion could not be verified: " + reason(e));
    } catch (RuntimeException e) {
      throw ErrorCode.NOT_AUTHORIZED.exception("The passkey assertion could not be verified.");
    }
    return assertion.data().getAuthenticatorData().getSignCount();
  }

  /** The backup state the authenticator reported in an assertion. */
  public static boolean backedUp(Assertion assertion) {
    return assertion.data().getAuthenticatorData().isFlagBS();
  }

  private static ServerProperty server(byte[] challenge, RelyingParty rp) {
    return ServerProperty.builder()
        .originPredicate(origin -> origin != null && rp.allowsOrigin(origin.toString()))
        .rpId(rp.id())
        .challenge(new DefaultChallenge(Arrays.copyOf(challenge, challenge.length)))
        .build();
  }

  /** The check that failed, in words (the exception's class, never the client's data). */
  private static String reason(Exception e) {
    String name = e.getClass().getSimpleName().replace("Exception", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + ".";
  }

  static CognitoException challengeNotFound() {
    return ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND.exception(
        "The passkey registration challenge was not found or has expired."); // wording ours
  }

  private static CognitoException malformed() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "The credential is not a valid WebAuthn response."); // wording ours
  }

  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
