package com.dermrelay.local.stepfunctions;

import java.time.Instant;

/**
 * What DescribeExecution returns; stopDate, output, error and cause are null while they do not
 * apply.
 */
public record ExecutionDescription(
    String executionArn,
    String stateMachineArn,
    String name,
    ExecutionStatus status,
    Instant startDate,
    Instant stopDate,
    String input,
    String output,
    String error,
    String cause) {}
