package dev.userpool.imports.aws;

/**
 * Sends "run import job X" to an invocation of this function that does not answer an HTTP request
 * (Lambda's asynchronous invocation), so a job outlives the StartUserImportJob call and continues
 * past one invocation's timeout.
 */
@FunctionalInterface
public interface ImportJobInvoker {
  void invoke(String poolId, String jobId);
}
