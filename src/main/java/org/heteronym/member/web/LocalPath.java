package org.heteronym.member.web;

import java.util.regex.Pattern;

/** A "next" page after sign-in: only a path on this site, so sign-in cannot be used to send people elsewhere. */
final class LocalPath {

    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e]{0,4000}");

    private LocalPath() {
    }

    static String orDefault(String next, String fallback) {
        return next != null && SAFE.matcher(next).matches() ? next : fallback;
    }
}
