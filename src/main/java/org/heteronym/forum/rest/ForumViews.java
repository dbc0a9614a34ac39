package org.heteronym.forum.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.heteronym.forum.Forum;
import org.heteronym.forum.ForumRecords;
import org.heteronym.forum.Registration;

/** JSON shapes of the forum admin API (docs/forums.md, "Administration"). */
final class ForumViews {

    private ForumViews() {
    }

    /** The stored forum: public fields and dates, never the secret or its digest. */
    static Map<String, Object> forum(Forum forum) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client_id", forum.clientId());
        json.putAll(ForumRecords.publicFields(forum.definition()));
        forum.secretIssuedOn().ifPresent(on -> json.put("client_secret_issued_on", on.toString()));
        json.put("registered_on", forum.registeredOn().toString());
        forum.retiredOn().ifPresent(on -> json.put("retired_on", on.toString()));
        return json;
    }

    /** The forum and, when one was just generated, the plaintext secret: the only answer that ever carries it. */
    static Map<String, Object> registration(Registration registration) {
        Map<String, Object> json = forum(registration.forum());
        registration.clientSecret().ifPresent(secret -> json.put("client_secret", secret));
        return json;
    }
}
