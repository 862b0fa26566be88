/**
 * Reps, their bands, absences and capacity, and the persisted round robin that picks the rep for a lead.
 */
package io.leadjourney.routing;
