/**
 * The port to the DMN tables: evaluate the latest deployed version of a decision by its key, read a column's
 * vocabulary, try a candidate file. Free of engine types; {@code engine} implements it.
 */
package io.leadjourney.decision;
