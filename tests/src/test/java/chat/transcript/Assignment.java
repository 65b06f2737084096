package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Pairs each pattern with a distinct candidate, in whatever order fits, carrying captures along:
 * for {@code ~[...]} arrays and {@code in any order:} groups. A greedy pass settles the usual
 * case at once; only when it fails are other pairings tried, within a budget, since a flood of
 * look-alike frames would otherwise take forever to rule out.
 */
final class Assignment {

    /** Match attempts after the greedy pass; far more than any group a person writes needs. */
    private static final int BACKTRACKING_BUDGET = 200_000;

    private final List<FramePattern> patterns;
    private final List<JsonNode> candidates;
    private final boolean[] taken;
    private int attemptsLeft = BACKTRACKING_BUDGET;

    private Assignment(List<FramePattern> patterns, List<JsonNode> candidates) {
        this.patterns = patterns;
        this.candidates = candidates;
        this.taken = new boolean[candidates.size()];
    }

    /** The captures after pairing every pattern with its own candidate, or null when no pairing is found. */
    static Bindings find(List<FramePattern> patterns, List<JsonNode> candidates, Bindings bindings) {
        Bindings greedy = new Assignment(patterns, candidates).greedy(bindings);
        if (greedy != null) {
            return greedy;
        }
        return new Assignment(patterns, candidates).search(0, bindings);
    }

    /** The index of the first pattern that matches none of the candidates, or -1. */
    static int firstUnmatched(List<FramePattern> patterns, List<JsonNode> candidates, Bindings bindings) {
        for (int i = 0; i < patterns.size(); i++) {
            FramePattern pattern = patterns.get(i);
            if (patterns.subList(0, i).contains(pattern)) {
                continue;
            }
            if (candidates.stream().noneMatch(candidate -> FrameMatcher.match(pattern, candidate, bindings) instanceof Outcome.Matched)) {
                return i;
            }
        }
        return -1;
    }

    /** The candidates that no pattern matches: frames the transcript does not account for. */
    static List<JsonNode> unmatchedCandidates(List<FramePattern> patterns, List<JsonNode> candidates, Bindings bindings) {
        List<FramePattern> distinct = patterns.stream().distinct().toList();
        return candidates.stream()
                .filter(candidate -> distinct.stream().noneMatch(
                        pattern -> FrameMatcher.match(pattern, candidate, bindings) instanceof Outcome.Matched))
                .toList();
    }

    private Bindings greedy(Bindings bindings) {
        Bindings current = bindings;
        for (FramePattern pattern : patterns) {
            Bindings next = null;
            for (int i = 0; i < candidates.size() && next == null; i++) {
                if (!taken[i] && FrameMatcher.match(pattern, candidates.get(i), current) instanceof Outcome.Matched matched) {
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
            if (FrameMatcher.match(patterns.get(index), candidates.get(i), bindings) instanceof Outcome.Matched matched) {
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
