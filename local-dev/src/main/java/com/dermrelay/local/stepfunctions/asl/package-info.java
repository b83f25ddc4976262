/**
 * Internal: the definition model and its validation ({@code DefinitionParser}), JSONPath and
 * ResultPath handling, payload templates, intrinsic functions and Choice rules. Pure functions over
 * Jackson trees; nothing here knows about time or threads.
 */
package com.dermrelay.local.stepfunctions.asl;
