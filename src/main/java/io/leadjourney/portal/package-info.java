/**
 * The lead portal: finding any lead (search with filters, sorting and paging), for reps, managers and marketing,
 * each seeing what their groups allow.
 */
package io.leadjourney.portal;
