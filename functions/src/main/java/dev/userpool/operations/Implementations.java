package dev.userpool.operations;

import dev.userpool.operations.clients.*;
import dev.userpool.operations.pools.*;
import dev.userpool.operations.tags.*;
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
        // pools, clients, tags
        .add("CreateUserPool", new CreateUserPool(d.pools(), d.random()))
        .add("DescribeUserPool", new DescribeUserPool(d.lookups(), d.users()))
        .add("UpdateUserPool", new UpdateUserPool(d.lookups(), d.pools()))
        .add("DeleteUserPool", new DeleteUserPool(d.lookups(), d.pools()))
        .add("ListUserPools", new ListUserPools(d.pools()))
        .add("AddCustomAttributes", new AddCustomAttributes(d.lookups(), d.pools()))
        .add("GetUserPoolMfaConfig", new GetUserPoolMfaConfig(d.lookups()))
        .add("SetUserPoolMfaConfig", new SetUserPoolMfaConfig(d.lookups(), d.pools()))
        .add("GetCSVHeader", new GetCSVHeader(d.lookups()))
        .add("CreateUserPoolClient", new CreateUserPoolClient(d.lookups(), d.clients(), d.random()))
        .add("DescribeUserPoolClient", new DescribeUserPoolClient(d.lookups()))
        .add("UpdateUserPoolClient", new UpdateUserPoolClient(d.lookups(), d.clients()))
        .add("DeleteUserPoolClient", new DeleteUserPoolClient(d.lookups(), d.clients()))
        .add("ListUserPoolClients", new ListUserPoolClients(d.lookups(), d.clients()))
        .add("TagResource", new TagResource(d.pools()))
        .add("UntagResource", new UntagResource(d.pools()))
        .add("ListTagsForResource", new ListTagsForResource(d.pools()))
        .build();
  }
}
