package org.heteronym.crypto.jose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The shape every registered JWK Set must have, whoever registers it (licensing authorities, forums): an object with
 * a "keys" array of 1 to {@code maxKeys} objects, none carrying a private member, each with a {@code kid} of its own
 * when there are several. What key types are acceptable is the caller's {@code parseKey}.
 */
public final class JwkSets {

    /** Private members of RFC 7518 §6 (EC, RSA, oct) and RFC 8037 (OKP). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private JwkSets() {
    }

    /**
     * @param parseKey turns {@code (where, key object)} into a key, or throws the caller's refusal
     * @param refusal  makes the caller's refusal from a detail
     */
    public static List<PublicJsonWebKey> parse(JsonNode jwks, int maxKeys,
                                               BiFunction<String, JsonNode, PublicJsonWebKey> parseKey,
                                               Function<String, RuntimeException> refusal) {
        if (jwks == null || !jwks.isObject() || !jwks.path("keys").isArray()) {
            throw refusal.apply("jwks must be a JWK Set: an object with a \"keys\" array");
        }
        JsonNode keys = jwks.get("keys");
        if (keys.isEmpty() || keys.size() > maxKeys) {
            throw refusal.apply("jwks needs 1 to " + maxKeys + " keys");
        }
        List<PublicJsonWebKey> out = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String where = "jwks.keys[" + i + "]";
            JsonNode node = keys.get(i);
            requirePublicObject(where, node, refusal);
            PublicJsonWebKey key = parseKey.apply(where, node);
            if (keys.size() > 1 && (key.getKeyId() == null || !kids.add(key.getKeyId()))) {
                throw refusal.apply(where + " needs a kid of its own: the set has several keys");
            }
            out.add(key);
        }
        return out;
    }

    private static void requirePublicObject(String where, JsonNode node, Function<String, RuntimeException> refusal) {
        if (!node.isObject()) {
            throw refusal.apply(where + " is not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (PRIVATE_MEMBERS.contains(name)) {
                throw refusal.apply(where + " has the private member \"" + name + "\": register public keys only, "
                        + "and treat this key as disclosed");
            }
        }
    }
}
