package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.validation.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table constructs each operation on its first request, once, and only operations of the model;
 * a factory's null means "not implemented".
 */
class OperationTableTest {
  private static final ServiceModel MODEL = ServiceModel.load();

  /** Implements GetUser and ListUsers; records every construction. */
  private final List<String> constructed = new ArrayList<>();

  private final OperationTable table =
      OperationTable.of(
          MODEL,
          name -> {
            constructed.add(name);
            return Set.of("GetUser", "ListUsers").contains(name)
                ? (input, context) -> Json.object().put("Operation", name)
                : null;
          });

  @Test
  void whenNothingIsRequestedThenNothingIsConstructed() {
    assertEquals(List.of(), constructed);
  }

  @Test
  void whenAnOperationIsRequestedTwiceThenItIsConstructedOnceAndKept() {
    Operation first = table.find("GetUser").orElseThrow();
    Operation second = table.find("GetUser").orElseThrow();
    assertSame(first, second);
    assertEquals(List.of("GetUser"), constructed);
  }

  @Test
  void whenTheFactoryHasNoImplementationThenTheOperationIsNotFound() {
    assertTrue(table.find("CreateUserPool").isEmpty());
  }

  @Test
  void whenTheNameIsNotAModelOperationThenTheFactoryIsNotAsked() {
    assertTrue(table.find("getUser").isEmpty());
    assertTrue(table.find("").isEmpty());
    assertEquals(List.of(), constructed);
  }

  @Test
  void whenAllAreConstructedThenEveryModelOperationIsAskedOnceAndTheImplementedAreListed() {
    table.constructAll();
    assertEquals(MODEL.operationNames().size(), constructed.size());
    assertEquals(Set.of("GetUser", "ListUsers"), table.implementedNames());
    table.find("ListUsers").orElseThrow();
    // implemented ones are kept; only the null answers are asked again
    assertEquals(2 * MODEL.operationNames().size() - 2, constructed.size());
  }

  @Test
  void whenBuiltFromFixedOperationsThenUnknownNamesFailAtOnce() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OperationTable.builder(MODEL).add("GetUsr", (input, context) -> Json.object()));
  }
}
