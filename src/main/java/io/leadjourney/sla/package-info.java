/**
 * The SLAs: working time over {@code working-calendar.dmn}, breaches, reminders, the contact cadence, the
 * acceptance rate.
 */
package io.leadjourney.sla;
