package org.heteronym.member;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnUserProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Where Quarkus WebAuthn finds passkeys. The WebAuthn "username" is the member id. New passkeys are stored by
 * {@link EnrollmentService#complete}, in the transaction that creates or refreshes the member, never through
 * {@link #store}.
 */
@ApplicationScoped
public class MemberPasskeys implements WebAuthnUserProvider {

    private final Pool pool;

    MemberPasskeys(Pool pool) {
        this.pool = pool;
    }

    /** The role of a signed-in member; staff roles come only from staff tokens. */
    public static final String MEMBER_ROLE = "member";

    @Override
    @WithSession
    public Uni<List<WebAuthnCredentialRecord>> findByUsername(String memberId) {
        return Passkey.<Passkey>list("memberId", memberId)
                .map(passkeys -> passkeys.stream().map(Passkey::toRecord).toList());
    }

    /** Every sign-in asks this; one indexed read through the SQL client (no ORM session on the login path). */
    @Override
    public Uni<WebAuthnCredentialRecord> findByCredentialId(String credentialId) {
        return pool.preparedQuery("select member_id, aaguid, public_key, algorithm, sign_count from member_passkey"
                        + " where credential_id = $1").execute(Tuple.of(credentialId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new IllegalArgumentException("unknown passkey");
                    }
                    Row row = rows.iterator().next();
                    return WebAuthnCredentialRecord.fromRequiredPersistedData(
                            new WebAuthnCredentialRecord.RequiredPersistedData(row.getString("member_id"),
                                    credentialId, row.getUUID("aaguid"), row.getBuffer("public_key").getBytes(),
                                    row.getInteger("algorithm"), row.getLong("sign_count")));
                });
    }

    /** Records the authenticator's signature counter after a sign-in (a counter that goes back signals a clone). */
    @Override
    public Uni<Void> update(String credentialId, long counter) {
        return pool.preparedQuery("update member_passkey set sign_count = $1 where credential_id = $2")
                .execute(Tuple.of(counter, credentialId)).replaceWithVoid();
    }

    @Override
    public Uni<Void> store(WebAuthnCredentialRecord record) {
        return Uni.createFrom().failure(new UnsupportedOperationException("passkeys are stored by enrollment"));
    }

    @Override
    public Set<String> getRoles(String memberId) {
        return Set.of(MEMBER_ROLE);
    }
}
