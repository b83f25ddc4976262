package com.dermrelay.local.stepfunctions.asl;

/** A validated definition; {@code timeoutSeconds} is the execution timeout, null when absent. */
public record StateMachineDefinition(StateGraph graph, Integer timeoutSeconds) {}
