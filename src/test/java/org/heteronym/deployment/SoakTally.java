package org.heteronym.deployment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.heteronym.benchmark.Stats;

/**
 * What the soak's clients were told, from every client thread at once: the pseudonym ({@code sub}) each forum got
 * for each member, the appends and enrolments acknowledged, the audits passed, each operation's latency, and every
 * failure and broken promise in words. The soak compares this with the log afterwards.
 */
final class SoakTally {

    /** One member at one forum: the key of a pseudonym. */
    record Pairing(String forum, String member) {
    }

    private final Map<Pairing, String> subs = new ConcurrentHashMap<>();
    private final Set<String> appends = ConcurrentHashMap.newKeySet();
    private final AtomicInteger enrolments = new AtomicInteger();
    private final AtomicInteger audits = new AtomicInteger();
    private final Map<SoakOperation, List<Long>> latencies = new EnumMap<>(SoakOperation.class);
    private final Map<SoakOperation, AtomicInteger> failures = new EnumMap<>(SoakOperation.class);
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    SoakTally() {
        for (SoakOperation operation : SoakOperation.values()) {
            latencies.put(operation, new ArrayList<>());
            failures.put(operation, new AtomicInteger());
        }
    }

    void succeeded(SoakOperation operation, long nanos) {
        List<Long> list = latencies.get(operation);
        synchronized (list) {
            list.add(nanos);
        }
    }

    void failed(SoakOperation operation, Throwable cause) {
        failures.get(operation).incrementAndGet();
        problem(operation.label + " failed: " + firstLine(cause));
    }

    /** A member's first login to a forum: the forum must not have had a pseudonym for them yet. */
    void firstLogin(String forum, String member, String sub) {
        String earlier = subs.putIfAbsent(new Pairing(forum, member), sub);
        if (earlier != null) {
            problem("first login of " + member + " at " + forum + " twice: " + earlier + ", then " + sub);
        }
    }

    /** A later login must give the forum the same pseudonym as the first. */
    void returningLogin(String forum, String member, String sub) {
        String first = subs.get(new Pairing(forum, member));
        if (!sub.equals(first)) {
            problem(member + " at " + forum + " got " + sub + ", but " + first + " at the first login");
        }
    }

    void appended(String statement) {
        appends.add(statement);
    }

    void enrolled() {
        enrolments.incrementAndGet();
    }

    void audited() {
        audits.incrementAndGet();
    }

    /** Pseudonyms handed to forums: one per member and forum. */
    int pseudonyms() {
        return subs.size();
    }

    /** Distinct {@code sub} values: equal to {@link #pseudonyms()} unless two pairings were given the same one. */
    int distinctSubs() {
        return new HashSet<>(subs.values()).size();
    }

    Set<String> appends() {
        return Set.copyOf(appends);
    }

    int enrolments() {
        return enrolments.get();
    }

    int audits() {
        return audits.get();
    }

    Map<SoakOperation, Integer> failures() {
        Map<SoakOperation, Integer> counts = new EnumMap<>(SoakOperation.class);
        failures.forEach((operation, count) -> counts.put(operation, count.get()));
        return counts;
    }

    int failureCount() {
        return failures.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Failures and broken promises, in words; the first few of each kind are enough to start from. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    Map<SoakOperation, Stats> latencies() {
        Map<SoakOperation, Stats> stats = new EnumMap<>(SoakOperation.class);
        latencies.forEach((operation, list) -> {
            synchronized (list) {
                stats.put(operation, Stats.ofNanos(list.stream().mapToLong(Long::longValue).toArray()));
            }
        });
        return stats;
    }

    private void problem(String text) {
        if (problems.size() < 50) {
            problems.add(text);
        }
    }

    private static String firstLine(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).strip();
        int end = message.indexOf('\n');
        return cause.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end));
    }
}
