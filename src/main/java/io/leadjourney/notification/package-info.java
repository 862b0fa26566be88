/**
 * Messages to reps and managers, stored and e-mailed from an outbox.
 */
package io.leadjourney.notification;
