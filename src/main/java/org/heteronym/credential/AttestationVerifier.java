package org.heteronym.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.heteronym.credential.attestation.AttestationDisclosures;
import org.heteronym.credential.attestation.AttestationJose;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Verifies a licensing authority's attestation presented by the member's wallet: an SD-JWT VC presentation
 * {@code <issuer-signed JWT>~<disclosure>~...~<KB-JWT>} (RFC 9901, draft-ietf-oauth-sd-jwt-vc), or a plain JWS
 * attestation with every claim in clear followed by {@code ~<KB-JWT>}. The key binding JWT is always required.
 * Thread-safe.
 */
public final class AttestationVerifier {

    /** Largest presentation accepted, in bytes. */
    public static final int MAX_PRESENTATION_BYTES = 64 * 1024;
    static final Duration SKEW = Duration.ofSeconds(60);
    /** How old a key binding JWT may be. */
    static final Duration MAX_KB_AGE = Duration.ofMinutes(5);

    private static final Set<String> CREDENTIAL_TYPES = Set.of("dc+sd-jwt", "vc+sd-jwt");
    /** Claims SD-JWT VC forbids to disclose selectively; they must stand in the issuer-signed payload. */
    private static final List<String> ALWAYS_IN_CLEAR = List.of("iss", "nbf", "exp", "cnf", "vct", "status");
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_\\-.~]+");

    private final Map<String, LicensingAuthority> byIssuer;
    private final StatusListClient statusLists;

    public AttestationVerifier(List<LicensingAuthority> authorities, StatusListClient statusLists) {
        this.byIssuer = authorities.stream().collect(Collectors.toUnmodifiableMap(LicensingAuthority::issuer,
                Function.identity()));
        this.statusLists = statusLists;
    }

    /**
     * @param presentation      the presentation as submitted
     * @param expectedChallenge the challenge this page issued; the KB-JWT {@code nonce} must be its base64url
     * @param audience          the KB-JWT {@code aud} this service expects
     * @throws CredentialRefusal with the reason to show the member
     */
    public VerifiedCredential verify(String presentation, byte[] expectedChallenge, String audience, Instant now)
            throws CredentialRefusal {
        if (presentation == null) {
            throw refuse(RefusalReason.MALFORMED, "no presentation");
        }
        if (presentation.length() > MAX_PRESENTATION_BYTES) {
            throw refuse(RefusalReason.TOO_LARGE, "presentation over 64 KiB");
        }
        byte[] submitted = presentation.getBytes(StandardCharsets.UTF_8);
        if (submitted.length > MAX_PRESENTATION_BYTES) {
            throw refuse(RefusalReason.TOO_LARGE, "presentation over 64 KiB");
        }
        String text = presentation.strip();
        if (!SYNTAX.matcher(text).matches()) {
            throw refuse(RefusalReason.MALFORMED, "not an SD-JWT presentation");
        }
        int lastTilde = text.lastIndexOf('~');
        if (lastTilde < 0) {
            throw refuse(RefusalReason.MALFORMED, "no key binding JWT after '~'");
        }
        String keyBindingJwt = text.substring(lastTilde + 1);
        String boundPart = text.substring(0, lastTilde + 1);
        String[] parts = boundPart.split("~", -1);
        List<String> disclosures = Arrays.asList(parts).subList(1, parts.length - 1);
        if (disclosures.stream().anyMatch(String::isEmpty)) {
            throw refuse(RefusalReason.MALFORMED, "empty disclosure");
        }
        if (keyBindingJwt.isEmpty()) {
            throw refuse(RefusalReason.WRONG_HOLDER, "no key binding JWT");
        }

        // 1. The issuer's signature, by a key of the authority named in iss.
        AttestationJose.Parsed issued = AttestationJose.parse(parts[0], RefusalReason.MALFORMED);
        AttestationJose.requireTyp(issued, CREDENTIAL_TYPES, RefusalReason.MALFORMED);
        AttestationJose.requireAlgorithm(issued, RefusalReason.BAD_SIGNATURE);
        String iss = issued.payload().path("iss").asText(null);
        LicensingAuthority authority = iss == null ? null : byIssuer.get(iss);
        if (authority == null) {
            throw refuse(RefusalReason.UNKNOWN_ISSUER, "untrusted issuer " + iss);
        }
        PublicJsonWebKey issuerKey = AttestationJose.selectKey(authority.keys(), issued.kid(),
                RefusalReason.UNKNOWN_ISSUER);
        AttestationJose.verify(issued, issuerKey.getPublicKey(), RefusalReason.BAD_SIGNATURE);

        // 2. Validity period.
        ObjectNode signed = issued.payload();
        Optional<Instant> exp = AttestationJose.numericDate(signed, "exp", RefusalReason.MALFORMED);
        if (exp.isPresent() && !now.isBefore(exp.get().plus(SKEW))) {
            throw refuse(RefusalReason.EXPIRED, "attestation expired at " + exp.get());
        }
        Optional<Instant> nbf = AttestationJose.numericDate(signed, "nbf", RefusalReason.MALFORMED);
        if (nbf.isPresent() && now.isBefore(nbf.get().minus(SKEW))) {
            throw refuse(RefusalReason.NOT_YET_VALID, "attestation valid from " + nbf.get());
        }
        Optional<Instant> iat = AttestationJose.numericDate(signed, "iat", RefusalReason.MALFORMED);
        if (iat.isPresent() && now.isBefore(iat.get().minus(SKEW))) {
            throw refuse(RefusalReason.NOT_YET_VALID, "attestation issued in the future");
        }

        // 3. Disclosures against the signed digests.
        ObjectNode claims = AttestationDisclosures.resolve(signed, disclosures);
        for (String name : ALWAYS_IN_CLEAR) {
            if (!java.util.Objects.equals(signed.get(name), claims.get(name))) {
                throw refuse(RefusalReason.MALFORMED, name + " must not be selectively disclosed");
            }
        }

        // 4. Holder key binding.
        checkKeyBinding(claims, keyBindingJwt, boundPart, expectedChallenge, audience, now);

        // 5. What it says.
        if (!authority.vcts().contains(claims.path("vct").asText(""))) {
            throw refuse(RefusalReason.NO_PROFESSION, "credential type not accepted: " + claims.path("vct"));
        }
        String licenceNumber = requiredText(claims, authority.licenceNumberClaim());
        String fullName = fullName(claims, authority);
        Optional<LocalDate> birthdate = birthdate(claims, authority.birthdateClaim());
        Profession profession = authority.professions().get(claims.path(authority.professionClaim()).asText(""));
        if (profession == null) {
            throw refuse(RefusalReason.NO_PROFESSION, "profession missing or not mapped");
        }

        // 6. Current status, last because it costs a request. Without a status claim there is nothing to re-check
        // later either: the handle says so (NoStatus) and the licence monitor decides what that means.
        LicenceStatusHandle statusHandle = new LicenceStatusHandle.NoStatus(authority.id());
        JsonNode status = claims.get("status");
        if (status != null) {
            JsonNode statusList = status.path("status_list");
            JsonNode idx = statusList.path("idx");
            String uri = statusList.path("uri").asText(null);
            if (!idx.canConvertToInt() || !idx.isIntegralNumber() || idx.asInt() < 0 || uri == null) {
                throw refuse(RefusalReason.MALFORMED, "status claim needs status_list.idx and uri");
            }
            try {
                statusHandle = new LicenceStatusHandle.StatusListEntry(authority.id(), URI.create(uri), idx.asInt());
            } catch (IllegalArgumentException e) {
                throw refuse(RefusalReason.MALFORMED, "status_list.uri is not a usable http(s) URL");
            }
            if (statusLists.check(authority, uri, idx.asInt(), now) != StatusListClient.Status.VALID) {
                throw refuse(RefusalReason.REVOKED, "status list entry is not valid");
            }
        }
        return new VerifiedCredential(EvidenceKind.AUTHORITY_ATTESTATION, authority.id(), licenceNumber, profession,
                fullName, birthdate, statusHandle, AttestationJose.sha256(submitted), now);
    }

    private static void checkKeyBinding(ObjectNode claims, String keyBindingJwt, String boundPart,
                                        byte[] expectedChallenge, String audience, Instant now)
            throws CredentialRefusal {
        JsonNode jwk = claims.path("cnf").path("jwk");
        if (!jwk.isObject() || jwk.has("d")) {
            throw refuse(RefusalReason.WRONG_HOLDER, "attestation binds no holder key");
        }
        PublicJsonWebKey holderKey;
        try {
            holderKey = PublicJsonWebKey.Factory.newPublicJwk(jwk.toString());
        } catch (JoseException | RuntimeException e) {
            throw refuse(RefusalReason.MALFORMED, "unusable cnf.jwk");
        }
        AttestationJose.Parsed kb = AttestationJose.parse(keyBindingJwt, RefusalReason.MALFORMED);
        AttestationJose.requireTyp(kb, Set.of("kb+jwt"), RefusalReason.WRONG_HOLDER);
        AttestationJose.verify(kb, holderKey.getPublicKey(), RefusalReason.WRONG_HOLDER);
        ObjectNode kbClaims = kb.payload();
        byte[] nonce = kbClaims.path("nonce").asText("").getBytes(StandardCharsets.US_ASCII);
        byte[] expected = AttestationJose.base64Url(expectedChallenge).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(nonce, expected)) {
            throw refuse(RefusalReason.WRONG_CHALLENGE, "key binding nonce is for another challenge");
        }
        if (!kbClaims.path("aud").isTextual() || !audience.equals(kbClaims.get("aud").asText())) {
            throw refuse(RefusalReason.WRONG_CHALLENGE, "key binding JWT for another audience");
        }
        Instant kbIat = AttestationJose.numericDate(kbClaims, "iat", RefusalReason.MALFORMED)
                .orElseThrow(() -> refuse(RefusalReason.MALFORMED, "key binding JWT without iat"));
        if (kbIat.isAfter(now.plus(SKEW))) {
            throw refuse(RefusalReason.WRONG_CHALLENGE, "key binding JWT from the future");
        }
        if (kbIat.isBefore(now.minus(MAX_KB_AGE))) {
            throw refuse(RefusalReason.CHALLENGE_EXPIRED, "key binding JWT too old");
        }
        if (!AttestationJose.sha256Base64Url(boundPart).equals(kbClaims.path("sd_hash").asText(null))) {
            throw refuse(RefusalReason.WRONG_CHALLENGE, "key binding JWT signs another presentation (sd_hash)");
        }
    }

    private static String requiredText(JsonNode claims, String name) throws CredentialRefusal {
        JsonNode n = claims.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw refuse(RefusalReason.MALFORMED, "missing claim " + name);
        }
        return n.asText().strip();
    }

    private static String fullName(JsonNode claims, LicensingAuthority authority) throws CredentialRefusal {
        JsonNode given = claims.get(authority.givenNameClaim());
        JsonNode family = claims.get(authority.familyNameClaim());
        if (given != null && given.isTextual() && family != null && family.isTextual()) {
            return (given.asText().strip() + " " + family.asText().strip()).strip();
        }
        if (!authority.nameClaim().isEmpty()) {
            return requiredText(claims, authority.nameClaim());
        }
        throw refuse(RefusalReason.MALFORMED, "no name");
    }

    private static Optional<LocalDate> birthdate(JsonNode claims, String name) throws CredentialRefusal {
        JsonNode n = claims.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(n.asText()));
        } catch (DateTimeParseException e) {
            throw refuse(RefusalReason.MALFORMED, "birthdate is not an ISO date");
        }
    }

    private static CredentialRefusal refuse(RefusalReason reason, String detail) {
        return new CredentialRefusal(reason, detail);
    }
}
