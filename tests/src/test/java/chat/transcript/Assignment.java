package chat.transcript;

import java.util.List;

/**
 * Pairs each pattern with a distinct candidate, in whatever order fits, carrying captures along:
 * for {@code ~[...]} arrays and {@code in any order:} groups, of JSON frames or IRC lines alike.
 * A greedy pass settles the usual case at once; only when it fails are other pairings tried,
 * within a budget, since a flood of look-alike frames would otherwise take forever to rule out.
 */
final class Assignment<P, C> {

    /** How one pattern is compared with one candidate: {@link FrameMatcher#match}, {@link IrcLineMatcher#match}. */
    interface Comparison<P, C> {
        Outcome match(P pattern, C candidate, Bindings bindings);
    }

    /** Match attempts after the greedy pass; far more than any group a person writes needs. */
    private static final int BACKTRACKING_BUDGET = 200_000;

    private final List<P> patterns;
    private final List<C> candidates;
    private final Comparison<P, C> comparison;
    private final boolean[] taken;
    private int attemptsLeft = BACKTRACKING_BUDGET;

    private Assignment(List<P> patterns, List<C> candidates, Comparison<P, C> comparison) {
        this.patterns = patterns;
        this.candidates = candidates;
        this.comparison = comparison;
        this.taken = new boolean[candidates.size()];
    }

    /** The captures after pairing every pattern with its own candidate, or null when no pairing is found. */
    static <P, C> Bindings find(List<P> patterns, List<C> candidates, Bindings bindings, Comparison<P, C> comparison) {
        Bindings greedy = new Assignment<>(patterns, candidates, comparison).greedy(bindings);
        if (greedy != null) {
            return greedy;
        }
        return new Assignment<>(patterns, candidates, comparison).search(0, bindings);
    }

    /** The index of the first pattern that matches none of the candidates, or -1. */
    static <P, C> int firstUnmatched(List<P> patterns, List<C> candidates, Bindings bindings, Comparison<P, C> comparison) {
        for (int i = 0; i < patterns.size(); i++) {
            P pattern = patterns.get(i);
            if (patterns.subList(0, i).contains(pattern)) {
                continue;
            }
            if (candidates.stream().noneMatch(candidate -> comparison.match(pattern, candidate, bindings) instanceof Outcome.Matched)) {
                return i;
            }
        }
        return -1;
    }

    /** The candidates that no pattern matches: frames the transcript does not account for. */
    static <P, C> List<C> unmatchedCandidates(List<P> patterns, List<C> candidates, Bindings bindings, Comparison<P, C> comparison) {
        List<P> distinct = patterns.stream().distinct().toList();
        return candidates.stream()
                .filter(candidate -> distinct.stream().noneMatch(
                        pattern -> comparison.match(pattern, candidate, bindings) instanceof Outcome.Matched))
                .toList();
    }

    private Bindings greedy(Bindings bindings) {
        Bindings current = bindings;
        for (P pattern : patterns) {
            Bindings next = null;
            for (int i = 0; i < candidates.size() && next == null; i++) {
                if (!taken[i] && comparison.match(pattern, candidates.get(i), current) instanceof Outcome.Matched matched) {
                    taken[i] = true;
                    next = matched.bindings();
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    private Bindings search(int index, Bindings bindings) {
        if (index == patterns.size()) {
            return bindings;
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (taken[i]) {
                continue;
            }
            if (--attemptsLeft < 0) {
                return null;
            }
            if (comparison.match(patterns.get(index), candidates.get(i), bindings) instanceof Outcome.Matched matched) {
                taken[i] = true;
                Bindings rest = search(index + 1, matched.bindings());
                if (rest != null) {
                    return rest;
                }
                taken[i] = false;
            }
        }
        return null;
    }
}
