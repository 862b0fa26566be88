/**
 * The hand-off to sales (the SQL and its opportunity) and deal outcomes.
 */
package io.leadjourney.opportunity;
