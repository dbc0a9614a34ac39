package org.heteronym.disclosure;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.heteronym.crypto.Sha256;

/**
 * A filing whose fields are well formed: every check that needs neither the database nor the court anchors, so that
 * a malformed filing is refused with one precise message before anything is read or written.
 */
record Filing(byte[] order, byte[] orderSha256, byte[] orderSignature, String court, String caseReference,
              LocalDate orderDate, LocalDate orderExpires, String forum, String pseudonym, List<FilingForm.Post> posts,
              String reasons, LocalDate gagUntil) {

    static final int MAX_ORDER_BYTES = 4 * 1024 * 1024;
    static final int MAX_SIGNATURE_BYTES = 256 * 1024;
    static final int MAX_TEXT = 200;
    static final int MAX_REASONS = 10_000;
    static final int MAX_POSTS = 100;
    static final int MAX_URL = 2_000;

    static Filing check(FilingForm form, LocalDate today) {
        if (form == null) {
            throw bad("the body must be a JSON filing (docs/disclosure.md §6)");
        }
        byte[] order = base64("order", form.order(), MAX_ORDER_BYTES);
        byte[] signature = base64("order_signature", form.orderSignature(), MAX_SIGNATURE_BYTES);
        LocalDate orderDate = date("order_date", form.orderDate());
        LocalDate expires = date("order_expires", form.orderExpires());
        if (orderDate.isAfter(today)) {
            throw bad("order_date " + orderDate + " is in the future");
        }
        if (expires.isBefore(orderDate)) {
            throw bad("order_expires must not be before order_date");
        }
        if (expires.isBefore(today)) {
            throw new DisclosureRefusal(DisclosureProblem.ORDER_EXPIRED, "the order expired after " + expires);
        }
        List<FilingForm.Post> posts = form.posts();
        if (posts == null || posts.isEmpty() || posts.size() > MAX_POSTS) {
            throw bad("posts must list 1 to " + MAX_POSTS + " posts, each with url and posted_at");
        }
        for (int i = 0; i < posts.size(); i++) {
            checkPost(i, posts.get(i));
        }
        String reasons = form.reasons();
        if (reasons == null || reasons.isBlank() || reasons.length() > MAX_REASONS) {
            throw bad("reasons must be 1 to " + MAX_REASONS + " characters");
        }
        LocalDate gagUntil = switch (form.notice() == null ? "" : form.notice()) {
            case "now" -> {
                if (form.gagUntil() != null) {
                    throw bad("gag_until is only for notice \"gagged\"");
                }
                yield null;
            }
            case "gagged" -> {
                LocalDate until = date("gag_until", form.gagUntil());
                if (!until.isAfter(today)) {
                    throw bad("gag_until must be after today");
                }
                yield until;
            }
            default -> throw bad("notice must be \"now\" or \"gagged\" (with gag_until)");
        };
        return new Filing(order, Sha256.of(order), signature, text("court", form.court()),
                text("case_reference", form.caseReference()), orderDate, expires, text("forum", form.forum()),
                text("pseudonym", form.pseudonym()), List.copyOf(posts), reasons, gagUntil);
    }

    private static void checkPost(int i, FilingForm.Post post) {
        String where = "posts[" + i + "]";
        if (post == null || post.url() == null || post.url().length() > MAX_URL) {
            throw bad(where + ".url must be an absolute URL of at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(post.url());
            if (!uri.isAbsolute()) {
                throw bad(where + ".url must be absolute");
            }
        } catch (java.net.URISyntaxException e) {
            throw bad(where + ".url is not a URL");
        }
        try {
            Instant.parse(post.postedAt() == null ? "" : post.postedAt());
        } catch (DateTimeParseException e) {
            throw bad(where + ".posted_at must be an instant such as 2026-11-02T10:14:00Z");
        }
    }

    private static byte[] base64(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw bad(field + " is required (base64)");
        }
        if (value.length() > (max / 3 + 1) * 4) {
            throw bad(field + " exceeds " + max + " bytes");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw bad(field + " is not valid base64");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw bad(field + " must be a date YYYY-MM-DD");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw bad(field + " must be 1 to " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static DisclosureRefusal bad(String detail) {
        return new DisclosureRefusal(DisclosureProblem.BAD_REQUEST, detail);
    }
}
