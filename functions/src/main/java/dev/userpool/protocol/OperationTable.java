package dev.userpool.protocol;

import dev.userpool.validation.ServiceModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The implemented operations by wire name. The full list of Cognito operations comes from the
 * service model; this table says which of them have an implementation. Built once per container,
 * one line per operation.
 */
public final class OperationTable {
  private final ServiceModel model;
  private final Map<String, Operation> operations;

  private OperationTable(ServiceModel model, Map<String, Operation> operations) {
    this.model = model;
    this.operations = Collections.unmodifiableMap(operations);
  }

  public static Builder builder(ServiceModel model) {
    return new Builder(model);
  }

  public ServiceModel model() {
    return model;
  }

  public Optional<Operation> find(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  public Set<String> implementedNames() {
    return operations.keySet();
  }

  /**
   * Collects implementations; rejects names the service model does not know, so typos fail at
   * start-up.
   */
  public static final class Builder {
    private final ServiceModel model;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private Builder(ServiceModel model) {
      this.model = model;
    }

    public Builder add(String name, Operation operation) {
      if (!model.hasOperation(name)) {
        throw new IllegalArgumentException("not a Cognito operation: " + name);
      }
      if (operations.putIfAbsent(name, operation) != null) {
        throw new IllegalArgumentException("registered twice: " + name);
      }
      return this;
    }

    public OperationTable build() {
      return new OperationTable(model, operations);
    }
  }
}
