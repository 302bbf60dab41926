package dev.userpool.operations;

import dev.userpool.protocol.OperationTable;
import dev.userpool.validation.ServiceModel;

/**
 * The operation table: one line per implemented Cognito operation, wire name first. Operations of the service
 * model that are not listed here answer UnsupportedOperationException naming the operation.
 */
public final class Implementations {
  private Implementations() {}

  public static OperationTable table(ServiceModel model, Dependencies d) {
    return OperationTable.builder(model)
        .build();
  }
}
