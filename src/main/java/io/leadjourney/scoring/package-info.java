/**
 * Fit and engagement through the DMN tables, the tallies, the score receipt, the what-if and the definition's
 * signatures.
 */
package io.leadjourney.scoring;
