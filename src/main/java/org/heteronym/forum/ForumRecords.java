package org.heteronym.forum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heteronym.credential.Profession;

/**
 * The stored and public forms of a forum: the row columns, and the public fields that the log entry and the admin API
 * show (never the secret or its digest). Rows are decoded with the same checks as requests, so a row edited by hand
 * behind the service's back cannot smuggle in what the API would refuse.
 */
public final class ForumRecords {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private ForumRecords() {
    }

    /** The public fields of a definition, in a fixed order (log entry {@code forum.registered}, admin views). */
    public static Map<String, Object> publicFields(ForumDefinition forum) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("client_name", forum.name());
        fields.put("token_endpoint_auth_method", forum.authentication().method());
        if (forum.authentication() instanceof ClientAuthentication.PrivateKeyJwt jwt) {
            jwt.jwksUri().ifPresentOrElse(uri -> fields.put("jwks_uri", uri),
                    () -> fields.put("jwks", ForumKeys.jwkSet(jwt.jwks())));
        }
        fields.put("redirect_uris", forum.redirectUris());
        fields.put("allowed_professions", professions(forum));
        fields.put("release_profession", forum.releaseProfession());
        forum.backchannelLogoutUri().ifPresent(uri -> fields.put("backchannel_logout_uri", uri));
        return fields;
    }

    /** Wire names in the enum's order, so the stored and logged forms do not depend on set order. */
    static List<String> professions(ForumDefinition forum) {
        return Arrays.stream(Profession.values()).filter(forum::allows).map(Profession::wireName).toList();
    }

    static ForumRow row(ForumDefinition forum, Optional<IssuedSecret> secret, LocalDate today) {
        ForumRow row = new ForumRow();
        row.id = forum.clientId();
        row.name = forum.name();
        row.authMethod = forum.authentication().method();
        if (forum.authentication() instanceof ClientAuthentication.PrivateKeyJwt jwt) {
            row.jwksUri = jwt.jwksUri().orElse(null);
            row.jwks = jwt.jwksUri().isPresent() ? null : write(ForumKeys.jwkSet(jwt.jwks()));
        }
        secret.ifPresent(issued -> {
            row.secretDigest = issued.digest().bytes();
            row.secretIssuedOn = today;
        });
        row.redirectUris = write(forum.redirectUris());
        row.allowedProfessions = write(professions(forum));
        row.releaseProfession = forum.releaseProfession();
        row.backchannelLogoutUri = forum.backchannelLogoutUri().orElse(null);
        row.registeredOn = today;
        return row;
    }

    static Forum forum(ForumRow row) {
        try {
            ForumDefinition definition = new ForumSpec(row.id, row.name, row.authMethod, row.jwksUri,
                    row.jwks == null ? null : JSON.readTree(row.jwks), read(row.redirectUris),
                    read(row.allowedProfessions), row.releaseProfession, row.backchannelLogoutUri).validate();
            return new Forum(definition, Optional.ofNullable(row.secretDigest).map(SecretDigest::fromStored),
                    Optional.ofNullable(row.secretIssuedOn), row.registeredOn, Optional.ofNullable(row.retiredOn));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored forum " + row.id + " is not the expected JSON", e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String json) throws JsonProcessingException {
        return JSON.readValue(json, STRINGS);
    }
}
