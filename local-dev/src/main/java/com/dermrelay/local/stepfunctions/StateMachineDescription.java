package com.dermrelay.local.stepfunctions;

import java.time.Instant;

/** What DescribeStateMachine returns. */
public record StateMachineDescription(
    String stateMachineArn,
    String name,
    String definition,
    String roleArn,
    String type,
    Instant creationDate) {}
