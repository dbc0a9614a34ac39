package org.heteronym.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.InvalidProofException;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.SchnorrProof;
import org.heteronym.escrow.Trustee;

/**
 * Authenticates a trustee's HTTP request by the {@code Heteronym-Trustee} header (docs/disclosure.md §4): a Schnorr
 * proof by the trustee's static key over method, path, time and body. Trustees hold no password and no token that
 * could be stolen from the service.
 */
@ApplicationScoped
public class TrusteeSignatures {

    public static final String HEADER = "Heteronym-Trustee";
    static final long MAX_SKEW_SECONDS = 120;

    public Uni<Trustee> authenticate(String header, String method, String pathAndQuery, byte[] body) {
        Map<String, String> params = parse(header);
        UUID id;
        long time;
        SchnorrProof proof;
        try {
            id = UUID.fromString(params.getOrDefault("trustee", ""));
            time = Long.parseLong(params.getOrDefault("time", ""));
            proof = SchnorrProof.decode(Base64.getDecoder().decode(params.getOrDefault("signature", "")));
        } catch (IllegalArgumentException | MalformedEncodingException e) {
            throw bad("the " + HEADER + " header must be: trustee=<id>, time=<unix seconds>, signature=<base64>");
        }
        if (Math.abs(Instant.now().getEpochSecond() - time) > MAX_SKEW_SECONDS) {
            throw bad("the signed time is more than " + MAX_SKEW_SECONDS + " s from the service's clock");
        }
        return Panache.withSession(() -> Trustee.<Trustee>findById(id)).map(trustee -> {
            if (trustee == null) {
                throw bad("no trustee " + id);
            }
            try {
                Point key = Point.decode(trustee.publicKey);
                DisclosureStatements.verifyRequest(key, method, pathAndQuery, time, body, proof);
            } catch (InvalidProofException | MalformedEncodingException e) {
                throw bad("the signature does not verify under trustee " + id + "'s registered key");
            }
            return trustee;
        });
    }

    private static Map<String, String> parse(String header) {
        Map<String, String> params = new HashMap<>();
        if (header == null) {
            throw bad("this call needs a " + HEADER + " header signed with your trustee key (heteronym trustee …)");
        }
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return params;
    }

    private static DisclosureRefusal bad(String detail) {
        return new DisclosureRefusal(DisclosureProblem.BAD_TRUSTEE_SIGNATURE, detail);
    }
}
