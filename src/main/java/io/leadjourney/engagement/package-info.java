/**
 * The activity record: engagement events, the behaviours {@code engagement-points.dmn} names, and their personal
 * data.
 */
package io.leadjourney.engagement;
