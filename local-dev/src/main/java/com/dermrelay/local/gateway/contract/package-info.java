/**
 * The contract check of the local gateway: every API exchange validated against {@code
 * api-spec/openapi.yaml} with networknt's JSON Schema validator. Tests run with it on and fail on
 * any violation; {@code local-dev/start} runs without it unless asked ({@code --check-contract}).
 */
package com.dermrelay.local.gateway.contract;
