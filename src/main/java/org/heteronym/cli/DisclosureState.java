package org.heteronym.cli;

/** The states of a disclosure request, docs/disclosure.md §3. */
enum DisclosureState {
    NOTICE("notice"),
    REVIEW("review"),
    RELEASED("released"),
    REFUSED("refused"),
    EXPIRED("expired"),
    WITHDRAWN("withdrawn");

    private final String wireName;

    DisclosureState(String wireName) {
        this.wireName = wireName;
    }

    /** Notice and review are open; every other state is final. */
    boolean open() {
        return this == NOTICE || this == REVIEW;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
