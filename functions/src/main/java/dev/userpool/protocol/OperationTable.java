package dev.userpool.protocol;

import dev.userpool.validation.ServiceModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The implemented operations by wire name. The full list of Cognito operations comes from the
 * service model; this table says which of them have an implementation. Built once per container;
 * each operation is constructed by the table's {@link Factory} on its first request and then kept.
 */
public final class OperationTable {
  /** Constructs the implementation of one operation. */
  public interface Factory {
    /**
     * @param name an operation of the service model
     * @return its implementation, or null when it has none
     */
    Operation create(String name);
  }

  private final ServiceModel model;
  private final Factory factory;
  private final Map<String, Operation> built = new ConcurrentHashMap<>();

  private OperationTable(ServiceModel model, Factory factory) {
    this.model = model;
    this.factory = factory;
  }

  /** A table whose operations {@code factory} constructs on first use. */
  public static OperationTable of(ServiceModel model, Factory factory) {
    return new OperationTable(model, factory);
  }

  public static Builder builder(ServiceModel model) {
    return new Builder(model);
  }

  public ServiceModel model() {
    return model;
  }

  public Optional<Operation> find(String name) {
    if (!model.hasOperation(name)) {
      return Optional.empty();
    }
    Operation operation = built.get(name);
    return operation != null ? Optional.of(operation) : Optional.ofNullable(construct(name));
  }

  /** Once per operation, even when two first requests race: the table holds one instance. */
  private synchronized Operation construct(String name) {
    Operation operation = built.get(name);
    if (operation == null) {
      operation = factory.create(name);
      if (operation != null) {
        built.put(name, operation);
      }
    }
    return operation;
  }

  /**
   * Constructs every implemented operation now: for an init that is snapshotted (SnapStart) or kept
   * warm (provisioned concurrency), where loading them before the first request is free.
   */
  public void constructAll() {
    model.operationNames().forEach(this::find);
  }

  /** The implemented operations in the model's (alphabetical) order; constructs them all. */
  public Set<String> implementedNames() {
    Set<String> names = new LinkedHashSet<>();
    for (String name : model.operationNames()) {
      if (find(name).isPresent()) {
        names.add(name);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * Collects implementations already constructed (tests); rejects names the service model does not
   * know, so typos fail at once.
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
      Map<String, Operation> fixed = Map.copyOf(operations);
      return new OperationTable(model, fixed::get);
    }
  }
}
