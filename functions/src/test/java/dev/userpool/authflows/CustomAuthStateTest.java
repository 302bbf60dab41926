package dev.userpool.authflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.userpool.authflows.CustomChallengeTriggers.Round;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomAuthStateTest {
  @Test
  void whenWrittenAndReadThenEveryMemberComesBack() {
    CustomAuthState state =
        new CustomAuthState(
            "alice",
            "sub-1",
            List.of(new Round("SRP_A", true, null), new Round("CUSTOM_CHALLENGE", false, "Q1")),
            Map.of("answer", "42"),
            "Q2",
            "abc123");

    assertEquals(state, CustomAuthState.fromJson(state.toJson()));
  }

  @Test
  void whenARoundIsAddedThenTheLastChallengesPrivateParametersAreDropped() {
    CustomAuthState waiting =
        new CustomAuthState("nobody", null, List.of(), Map.of("answer", "42"), "Q1", null);

    CustomAuthState next = waiting.withRound(new Round("CUSTOM_CHALLENGE", true, "Q1"));

    assertEquals(List.of(new Round("CUSTOM_CHALLENGE", true, "Q1")), next.rounds());
    assertEquals(Map.of(), next.privateParameters());
    assertNull(next.challengeMetadata());
    assertNull(CustomAuthState.fromJson(next.toJson()).sub());
    assertFalse(waiting.toString().contains("42"), "toString never shows private parameters");
  }
}
