/**
 * Hand-off events to the CRM: the outbox, the signature, the sender.
 */
package io.leadjourney.webhook;
