package org.heteronym.cli;

/** One thing the disclosure audit found wrong: the entry's log index, the rule of docs/disclosure.md §7 it breaks. */
public record DisclosureFinding(long index, Rule rule, String message) {

    /** The rules of docs/disclosure.md §7, by number. */
    public enum Rule {
        FILING(1, "filings, officers and court anchors"),
        SHARE(2, "shares"),
        RELEASE(3, "releases"),
        TRANSITION(4, "refusals and state transitions"),
        REPORT(5, "transparency reports");

        private final int number;
        private final String subject;

        Rule(int number, String subject) {
            this.number = number;
            this.subject = subject;
        }

        public int number() {
            return number;
        }

        public String subject() {
            return subject;
        }
    }

    /** {@code entry 17: rule 2 (shares): ...}, the line the command prints. */
    @Override
    public String toString() {
        return "entry " + index + ": rule " + rule.number() + " (" + rule.subject() + "): " + message;
    }
}
