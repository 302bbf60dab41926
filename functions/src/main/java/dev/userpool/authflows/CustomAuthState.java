package dev.userpool.authflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.CustomChallengeTriggers.Round;
import dev.userpool.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a custom authentication stands between two calls, kept sealed in its challenge session:
 * whom it is about ({@code sub} null when nobody was found), the rounds so far, and what the last
 * CreateAuthChallenge answered for the verifier (its private parameters and metadata). {@code srpA}
 * holds the client's SRP_A until Define asks for PASSWORD_VERIFIER (CUSTOM_AUTH started with
 * CHALLENGE_NAME=SRP_A).
 */
record CustomAuthState(
    String username,
    String sub,
    List<Round> rounds,
    Map<String, String> privateParameters,
    String challengeMetadata,
    String srpA) {

  CustomAuthState {
    rounds = List.copyOf(rounds);
    privateParameters = privateParameters == null ? Map.of() : Map.copyOf(privateParameters);
  }

  CustomAuthState withRound(Round round) {
    List<Round> next = new ArrayList<>(rounds);
    next.add(round);
    return new CustomAuthState(username, sub, next, Map.of(), null, srpA);
  }

  CustomAuthState withChallenge(Map<String, String> privateParameters, String metadata) {
    return new CustomAuthState(username, sub, rounds, privateParameters, metadata, srpA);
  }

  CustomAuthState withoutSrpA() {
    return new CustomAuthState(username, sub, rounds, privateParameters, challengeMetadata, null);
  }

  @Override
  public String toString() {
    return "CustomAuthState[username="
        + username
        + ", rounds="
        + rounds.size()
        + "]"; // never the private values
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("username", username);
    if (sub != null) {
      o.put("sub", sub);
    }
    ArrayNode list = o.putArray("rounds");
    for (Round r : rounds) {
      ObjectNode n = list.addObject();
      n.put("name", r.challengeName());
      n.put("result", r.challengeResult());
      if (r.challengeMetadata() != null) {
        n.put("metadata", r.challengeMetadata());
      }
    }
    ObjectNode priv = o.putObject("private");
    privateParameters.forEach(priv::put);
    if (challengeMetadata != null) {
      o.put("metadata", challengeMetadata);
    }
    if (srpA != null) {
      o.put("srpA", srpA);
    }
    return o;
  }

  static CustomAuthState fromJson(JsonNode o) {
    List<Round> rounds = new ArrayList<>();
    for (JsonNode n : o.path("rounds")) {
      rounds.add(
          new Round(
              n.get("name").asText(),
              n.get("result").asBoolean(),
              n.hasNonNull("metadata") ? n.get("metadata").asText() : null));
    }
    Map<String, String> priv = new LinkedHashMap<>();
    o.path("private").fields().forEachRemaining(e -> priv.put(e.getKey(), e.getValue().asText()));
    return new CustomAuthState(
        o.get("username").asText(),
        text(o, "sub"),
        rounds,
        priv,
        text(o, "metadata"),
        text(o, "srpA"));
  }

  private static String text(JsonNode o, String name) {
    return o.hasNonNull(name) ? o.get(name).asText() : null;
  }
}
