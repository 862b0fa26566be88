/**
 * The BPMN process and its delegates: ids and variables of {@code lead-journey.bpmn}, the steps the model calls,
 * task forms and their inputs, the gateway into the engine ({@link io.leadjourney.lead.Journeys}).
 */
package io.leadjourney.journey;
