package org.heteronym.log;

/** Every kind of log entry, by its wire name; docs/log.md gives each one's fields. */
public enum EntryKind {
    GENESIS("log.genesis"),
    OPERATOR_STATEMENT("operator.statement");

    private final String wireName;

    EntryKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
