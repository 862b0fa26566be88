/**
 * The quarterly review: a candidate definition forecast, signed by marketing and sales, then deployed.
 */
package io.leadjourney.review;
