package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord.RequiredPersistedData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** A member's WebAuthn credential: its id, public key and signature counter. */
@Entity
@Table(name = "member_passkey")
public class Passkey extends PanacheEntityBase {
    @Id
    @Column(name = "credential_id")
    public String credentialId;
    @Column(name = "member_id", nullable = false)
    public String memberId;
    @Column(nullable = false)
    public UUID aaguid;
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;
    @Column(nullable = false)
    public int algorithm;
    @Column(name = "sign_count", nullable = false)
    public long signCount;
    @Column(name = "created_on", nullable = false)
    public LocalDate createdOn;

    static Passkey of(String memberId, WebAuthnCredentialRecord record) {
        RequiredPersistedData data = record.getRequiredPersistedData();
        Passkey passkey = new Passkey();
        passkey.credentialId = data.credentialId();
        passkey.memberId = memberId;
        passkey.aaguid = data.aaguid();
        passkey.publicKey = data.publicKey();
        passkey.algorithm = (int) data.publicKeyAlgorithm();
        passkey.signCount = data.counter();
        passkey.createdOn = LocalDate.now(ZoneOffset.UTC);
        return passkey;
    }

    WebAuthnCredentialRecord toRecord() {
        return WebAuthnCredentialRecord.fromRequiredPersistedData(new RequiredPersistedData(
                memberId, credentialId, aaguid, publicKey, algorithm, signCount));
    }
}
