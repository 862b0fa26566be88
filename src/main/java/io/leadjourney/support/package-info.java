/**
 * Helpers every feature may use and that use no feature: problem exceptions, the concurrency retry, SQL time,
 * chunks, metrics names.
 */
package io.leadjourney.support;
