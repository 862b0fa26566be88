/**
 * CSV lead lists: judged whole, then worked off in chunks by a worker that survives a crash.
 */
package io.leadjourney.imports;
