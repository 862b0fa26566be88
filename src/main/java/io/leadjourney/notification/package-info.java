/**
 * Messages to reps and managers: stored with the step that caused them, e-mailed by an engine job each.
 */
package io.leadjourney.notification;
