package org.heteronym.disclosure;

import java.util.Locale;

/** docs/disclosure.md §3. */
public enum RequestState {
    NOTICE, REVIEW, RELEASED, REFUSED, EXPIRED, WITHDRAWN;

    public boolean open() {
        return this == NOTICE || this == REVIEW;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
