package org.heteronym.deployment;

import java.util.Random;

/**
 * What a soak client does next, with its share of the draw: mostly logins and appends, as a forum's day looks; some
 * enrolments so that first logins never run out of members; a few audits, each of which replays the whole log.
 */
enum SoakOperation {
    RETURNING_LOGIN("returning login", 35),
    FIRST_LOGIN("first login", 25),
    ENROLMENT("enrolment", 10),
    APPEND("append", 29),
    AUDIT("audit", 1);

    final String label;
    private final int weight;

    SoakOperation(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    static SoakOperation draw(Random random) {
        int total = 0;
        for (SoakOperation operation : values()) {
            total += operation.weight;
        }
        int pick = random.nextInt(total);
        for (SoakOperation operation : values()) {
            pick -= operation.weight;
            if (pick < 0) {
                return operation;
            }
        }
        throw new IllegalStateException("weights sum to " + total);
    }
}
