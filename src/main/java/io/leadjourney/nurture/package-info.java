/**
 * Nurture tracks, dormancy, and requalification: a nurtured or dormant lead that qualifies again goes back to
 * sales.
 */
package io.leadjourney.nurture;
