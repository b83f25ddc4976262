/** Internal: the AWS JSON 1.0 HTTP binding of {@code StepFunctionsService}. */
package com.dermrelay.local.stepfunctions.api;
