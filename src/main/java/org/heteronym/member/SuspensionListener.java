package org.heteronym.member;

import io.smallrye.mutiny.Uni;

/**
 * Told, inside the transaction that suspends a member, that it happened: what the member's suspension means
 * elsewhere (forum logins revoked, forums told) commits or rolls back with it. The member id must not leave the
 * call: implementations derive what they need from it and store nothing that pairs it with anything.
 */
public interface SuspensionListener {

    Uni<Void> suspended(String memberId);
}
