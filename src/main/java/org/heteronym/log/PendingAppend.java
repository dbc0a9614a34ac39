package org.heteronym.log;

/** A committed append not yet integrated; {@link IntegrationWaiter} turns it into a receipt. */
public record PendingAppend(long pendingId, boolean shuffled) {
}
