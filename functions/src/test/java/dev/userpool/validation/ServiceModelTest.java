package dev.userpool.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shapes are built from the model on first use, kept, and carry the model's traits. */
class ServiceModelTest {
  private final ServiceModel model = ServiceModel.load();

  @Test
  void whenAShapeIsAskedTwiceThenTheSameShapeIsReturned() {
    assertSame(model.shape("InitiateAuthRequest"), model.shape("InitiateAuthRequest"));
  }

  @Test
  void whenAShapeIsBuiltThenItHasTheModelsTraits() {
    ServiceModel.Shape request = model.shape("InitiateAuthRequest");
    assertEquals("structure", request.type());
    assertEquals(Set.of("AuthFlow", "ClientId"), request.required());
    assertEquals("AuthFlowType", request.members().get("AuthFlow"));
    ServiceModel.Shape flow = model.shape("AuthFlowType");
    assertTrue(flow.enumValues().containsAll(List.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH")));
    ServiceModel.Shape clientId = model.shape(request.members().get("ClientId"));
    assertEquals(1L, clientId.min());
    assertEquals(128L, clientId.max());
    assertTrue(clientId.sensitive());
    assertTrue(clientId.pattern().matches("abc123"));
    assertTrue(!clientId.pattern().matches("a b"));
  }

  @Test
  void whenTheShapeIsUnknownThenItIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> model.shape("NoSuchShape"));
  }

  @Test
  void whenAnOperationIsLookedUpThenItsInputAndAuthComeFromTheModel() {
    assertEquals("InitiateAuthRequest", model.operation("InitiateAuth").inputShape());
    assertTrue(!model.operation("InitiateAuth").requiresSigV4());
    assertTrue(model.operation("AdminGetUser").requiresSigV4());
    assertEquals(122, model.operationNames().size());
  }
}
