package dev.userpool.infra;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * Alarms on the signs of a broken deployment: 5xx answers, function errors and throttles, table
 * throttling. Each fires on one occurrence in five minutes; they have no actions yet (subscribe a
 * topic in the console or add one).
 */
final class UserpoolAlarms extends Construct {
  static final Duration PERIOD = Duration.minutes(5);

  UserpoolAlarms(Construct scope, String id, RestApi api, Function function, Table table) {
    super(scope, id);
    MetricOptions sum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    alarm("Api5xx", "The API answered 5xx", api.metricServerError(sum));
    alarm(
        "FunctionErrors",
        "The function failed (uncaught error or timeout)",
        function.metricErrors(sum));
    alarm(
        "FunctionThrottles",
        "Invocations were throttled (concurrency limit)",
        function.metricThrottles(sum));
    // Read/WriteThrottleEvents count throttled requests of every operation (ThrottledRequests would
    // need the list
    // of operations the store calls, kept in step by hand).
    alarm(
        "TableThrottles",
        "DynamoDB throttled reads or writes on the table",
        MathExpression.Builder.create()
            .expression("FILL(reads, 0) + FILL(writes, 0)")
            .usingMetrics(
                Map.of(
                    "reads", table.metric("ReadThrottleEvents", sum),
                    "writes", table.metric("WriteThrottleEvents", sum)))
            .label("Table throttle events")
            .period(PERIOD)
            .build());
  }

  private void alarm(String id, String description, IMetric metric) {
    Alarm.Builder.create(this, id)
        .alarmDescription(description)
        .metric(metric)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }
}
