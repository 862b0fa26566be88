/**
 * What comes in from marketing systems: leads ({@code POST /api/leads}), engagement events one by one or in
 * batches; each lead scored, requalified and given its journey.
 */
package io.leadjourney.intake;
