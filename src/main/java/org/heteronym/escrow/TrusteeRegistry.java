package org.heteronym.escrow;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogAppender;
import org.heteronym.log.LogEntry;

/** The operator registers each trustee's static ceremony key; every registration is a log entry. */
@ApplicationScoped
public class TrusteeRegistry {

    private final LogAppender log;

    TrusteeRegistry(LogAppender log) {
        this.log = log;
    }

    @WithTransaction
    public Uni<Trustee> register(String name, String publicKeyBase64) {
        byte[] key = decodeKey(publicKeyBase64);
        return Trustee.<Trustee>find("name = ?1 or publicKey = ?2", name, key).firstResult().flatMap(existing -> {
            if (existing != null) {
                throw new EscrowRefusal(EscrowProblem.DUPLICATE_TRUSTEE,
                        "a trustee with this name or key is already registered");
            }
            Trustee trustee = new Trustee();
            trustee.id = UUID.randomUUID();
            trustee.name = name;
            trustee.publicKey = key;
            trustee.registeredOn = LocalDate.now(ZoneOffset.UTC);
            return trustee.<Trustee>persist().call(() -> log.append(LogEntry.of(EntryKind.TRUSTEE_REGISTERED, Map.of(
                    "trustee", trustee.id.toString(),
                    "name", name,
                    "public_key", publicKeyBase64,
                    "date", trustee.registeredOn.toString()))));
        });
    }

    @WithSession
    public Uni<List<Trustee>> list() {
        return Trustee.listAll(io.quarkus.panache.common.Sort.by("name"));
    }

    /** A P-256 point, SEC1 compressed, strictly decoded (on the curve, not the identity). */
    static byte[] decodeKey(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            Point.decode(key);
            return key;
        } catch (IllegalArgumentException | MalformedEncodingException e) {
            throw new EscrowRefusal(EscrowProblem.BAD_KEY,
                    "public_key must be the base64 of a 33-byte compressed P-256 point: " + e.getMessage());
        }
    }
}
