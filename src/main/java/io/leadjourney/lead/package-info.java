/**
 * The lead: its profile and declared fields, its stages and the stage log, reading and erasing it, and {@link
 * io.leadjourney.lead.Journeys}, the port to its journeys.
 */
package io.leadjourney.lead;
