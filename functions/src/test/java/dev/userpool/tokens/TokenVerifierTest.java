package dev.userpool.tokens;

import static dev.userpool.tokens.TokenFixtures.POOL_ID;
import static dev.userpool.tokens.TokenFixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import dev.userpool.tokens.TokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {
  private final TokenFixtures f = new TokenFixtures();
  private final TokenIssuer issuer = f.tokens.issuer();
  private final TokenVerifier verifier = f.tokens.verifier();

  private String accessToken() {
    return issuer.issue(grant(), Duration.ofHours(1), Duration.ofHours(1)).accessToken();
  }

  @Test
  void whenTokenIsIssuedThenHeaderIsExactlyKidThenAlg() {
    String token = accessToken();
    String kid = f.tokens.keys().ensure(POOL_ID).get(0).kid();
    assertEquals("{\"kid\":\"" + kid + "\",\"alg\":\"RS256\"}", decode(token.split("\\.")[0]));
    assertEquals(-1, token.indexOf('='));
  }

  @Test
  void whenValidAccessTokenThenItsClaimsComeBack() {
    VerifiedToken verified = verifier.verify(accessToken(), TokenUse.ACCESS);
    assertEquals(POOL_ID, verified.poolId());
    assertEquals("alice", verified.username());
    assertEquals("client1abcdefghijklmnopqrs", verified.clientId());
    assertEquals(java.util.List.of(TokenGrant.ADMIN_SCOPE), verified.scopes());
    assertEquals(TokenFixtures.T0.plusSeconds(3600), verified.expiresAt());
    assertEquals("11111111-2222-4333-8444-555555555555", verified.originJti());
  }

  @Test
  void whenHeaderIsTamperedThenBadSignature() {
    String[] parts = accessToken().split("\\.");
    ObjectNode header = (ObjectNode) Json.read(decode(parts[0]));
    header.put("typ", "JWT");
    assertReason(
        Reason.BAD_SIGNATURE, encode(Json.write(header)) + "." + parts[1] + "." + parts[2]);
  }

  @Test
  void whenPayloadIsTamperedThenBadSignature() {
    String[] parts = accessToken().split("\\.");
    ObjectNode claims = (ObjectNode) Json.read(decode(parts[1]));
    claims.put("username", "mallory");
    assertReason(
        Reason.BAD_SIGNATURE, parts[0] + "." + encode(Json.write(claims)) + "." + parts[2]);
  }

  @Test
  void whenSignatureIsTamperedThenBadSignature() {
    String[] parts = accessToken().split("\\.");
    char[] sig = parts[2].toCharArray();
    sig[10] = sig[10] == 'A' ? 'B' : 'A';
    assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + new String(sig));
    assertReason(Reason.BAD_SIGNATURE, parts[0] + "." + parts[1] + "." + parts[2].substring(4));
  }

  @Test
  void whenKidIsUnknownThenUnknownKey() {
    String[] parts = accessToken().split("\\.");
    String header = encode("{\"kid\":\"no-such-kid\",\"alg\":\"RS256\"}");
    assertReason(Reason.UNKNOWN_KEY, header + "." + parts[1] + "." + parts[2]);
  }

  @Test
  void whenAlgIsNoneOrHmacThenUnsupportedAlgorithm() {
    String[] parts = accessToken().split("\\.");
    assertReason(
        Reason.UNSUPPORTED_ALGORITHM,
        encode("{\"kid\":\"k\",\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]);
    assertReason(
        Reason.UNSUPPORTED_ALGORITHM,
        encode("{\"kid\":\"k\",\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "a..c",
        "!!!.e30.sig",
        "e30.e30.",
        "W10.e30.c2ln",
        "e30=.e30.c2ln"
      })
  void whenTokenIsMalformedThenMalformed(String token) {
    assertReason(Reason.MALFORMED, token);
  }

  @Test
  void whenTheSameTokenComesAgainThenItsSignatureIsNotCheckedAgainButItsClaimsAre() {
    String token = accessToken();
    verifier.verify(token, TokenUse.ACCESS);
    verifier.verify(token, TokenUse.ACCESS);
    assertEquals(1, verifier.rsaChecks());

    // a tampered copy of a token seen before is checked, and fails
    String[] parts = token.split("\\.");
    ObjectNode claims = (ObjectNode) Json.read(decode(parts[1]));
    claims.put("username", "mallory");
    assertReason(
        Reason.BAD_SIGNATURE, parts[0] + "." + encode(Json.write(claims)) + "." + parts[2]);
    assertEquals(2, verifier.rsaChecks());

    // the remembered signature does not keep the token alive, nor make it another kind of token
    TokenException asId =
        assertThrows(TokenException.class, () -> verifier.verify(token, TokenUse.ID));
    assertEquals(Reason.WRONG_USE, asId.reason());
    f.clock.advance(Duration.ofHours(1));
    assertReason(Reason.EXPIRED, token);
    assertEquals(2, verifier.rsaChecks());
  }

  @Test
  void whenExpiredThenExpiredAndCognitosMessage() {
    String token = accessToken();
    f.clock.advance(Duration.ofSeconds(3599));
    verifier.verify(token, TokenUse.ACCESS);
    f.clock.advance(Duration.ofSeconds(1));
    TokenException e =
        assertThrows(TokenException.class, () -> verifier.verify(token, TokenUse.ACCESS));
    assertEquals(Reason.EXPIRED, e.reason());
    CognitoException cognito = e.toCognito();
    assertEquals(ErrorCode.NOT_AUTHORIZED, cognito.code());
    assertEquals("Access Token has expired", cognito.getMessage());
  }

  @Test
  void whenIdTokenIsGivenForAnAccessTokenThenInvalidAccessToken() {
    String id = issuer.issue(grant(), Duration.ofHours(1), Duration.ofHours(1)).idToken();
    TokenException e =
        assertThrows(TokenException.class, () -> verifier.verify(id, TokenUse.ACCESS));
    assertEquals(Reason.WRONG_USE, e.reason());
    assertEquals("Invalid Access Token", e.toCognito().getMessage());
    assertEquals("alice", verifier.verify(id, TokenUse.ID).username());
  }

  @Test
  void whenAnotherPoolIsExpectedThenOtherPool() {
    TokenException e =
        assertThrows(
            TokenException.class,
            () -> verifier.verify(accessToken(), TokenUse.ACCESS, "us-east-1_Elsewhere"));
    assertEquals(Reason.OTHER_POOL, e.reason());
  }

  @Test
  void whenTokenClaimsAnotherPoolThenThatPoolsKeysDoNotKnowTheKid() {
    String otherPool = "us-east-1_Other";
    f.tokens.keys().ensure(otherPool);
    String[] parts = accessToken().split("\\.");
    ObjectNode claims = (ObjectNode) Json.read(decode(parts[1]));
    claims.put("iss", TokenFixtures.BASE + "/" + otherPool);
    assertReason(Reason.UNKNOWN_KEY, parts[0] + "." + encode(Json.write(claims)) + "." + parts[2]);
  }

  @Test
  void whenIssuerIsNotAnIssuerOfThisServiceThenWrongIssuer() {
    String token =
        issuer
            .issue(
                grant().withScopes(java.util.List.of()), Duration.ofHours(1), Duration.ofHours(1))
            .accessToken();
    TokenFixtures configured = new TokenFixtures("https://idp.example.com");
    TokenException e =
        assertThrows(
            TokenException.class,
            () -> configured.tokens.verifier().verify(token, TokenUse.ACCESS));
    assertEquals(Reason.WRONG_ISSUER, e.reason());
    assertEquals("Invalid Access Token", e.toCognito().getMessage());
  }

  @Test
  void whenKeyIsRotatedThenOldTokensStillVerifyAndNewOnesUseTheNewKid() {
    String before = accessToken();
    String oldKid = f.tokens.keys().ensure(POOL_ID).get(0).kid();
    String newKid = f.tokens.keys().rotate(POOL_ID).kid();
    String after = accessToken();
    assertNotEquals(oldKid, newKid);
    assertEquals(oldKid, verifier.verify(before, TokenUse.ACCESS).kid());
    assertEquals(newKid, verifier.verify(after, TokenUse.ACCESS).kid());
    assertEquals(
        java.util.List.of(newKid, oldKid),
        f.tokens.keys().ensure(POOL_ID).stream().map(k -> k.kid()).toList());
  }

  @Test
  void whenAnotherContainerRotatesThenAnUnknownKidReloadsTheCache() {
    accessToken(); // this container caches the first key
    SigningKeys elsewhere = new SigningKeys(f.store, f.clock);
    elsewhere.rotate(POOL_ID);
    String fromElsewhere =
        new TokenIssuer(elsewhere, TokenFixtures.RANDOM)
            .issue(grant(), Duration.ofHours(1), Duration.ofHours(1))
            .accessToken();
    assertReason(Reason.UNKNOWN_KEY, fromElsewhere); // just loaded: no reload storm on unknown kids
    f.clock.advance(SigningKeys.MIN_RELOAD);
    verifier.verify(fromElsewhere, TokenUse.ACCESS);
  }

  private void assertReason(Reason expected, String token) {
    TokenException e =
        assertThrows(TokenException.class, () -> verifier.verify(token, TokenUse.ACCESS));
    assertEquals(expected, e.reason());
    assertEquals(ErrorCode.NOT_AUTHORIZED, e.toCognito().code());
  }

  static String decode(String segment) {
    return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
  }

  static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
