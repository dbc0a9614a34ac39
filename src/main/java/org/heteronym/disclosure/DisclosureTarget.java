package org.heteronym.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Hash32;

/** The target of a request as the log commits to it: forum, pseudonym, posts and reasons (docs/disclosure.md §5). */
final class DisclosureTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DisclosureTarget() {
    }

    /** RFC 8785 canonical JSON of [{"posted_at","url"}, …], the form the target digest hashes. */
    static String canonicalPosts(List<FilingForm.Post> posts) {
        List<Map<String, String>> plain = posts.stream().map(p -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("url", p.url());
            m.put("posted_at", p.postedAt());
            return m;
        }).toList();
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(plain)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Hash32 digest(String forum, String pseudonym, String canonicalPosts, String reasons) {
        return DisclosureStatements.targetDigest(forum, pseudonym, canonicalPosts, reasons);
    }
}
