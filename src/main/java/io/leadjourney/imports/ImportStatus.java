package io.leadjourney.imports;

/**
 * An import is RUNNING until every row has a verdict, then DONE, or CANCELLED by a user. A row is PENDING until
 * it has one; the rows still pending when an import is cancelled become CANCELLED.
 */
enum ImportStatus {
    RUNNING, DONE, CANCELLED, PENDING, ACCEPTED, DUPLICATE, REJECTED
}
