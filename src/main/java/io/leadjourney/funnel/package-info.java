/**
 * The funnel and the dashboard: leads through the stage log, conversion, acceptance, speed to lead, where leads
 * wait.
 */
package io.leadjourney.funnel;
