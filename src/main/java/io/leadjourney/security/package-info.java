/**
 * Who may do what: HTTP security, Camunda users and groups, the admin password check, and the identity side of reps
 * and recipients.
 */
package io.leadjourney.security;
