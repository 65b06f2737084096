package chat.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expected IRC line, as written after {@code irc<}: the words of the line (split at single
 * spaces, as the server writes them), each literal text with placeholders in it. {@code $_} is
 * any text without a space or {@code ;} (one word, or one tag's value); {@code $name} captures
 * such text the first time and must equal it afterwards, and {@code $name+1} is a captured whole
 * number plus one. A {@code $} not followed by {@code _} or a letter is just a character.
 * {@code ~[alice bob]} stands for these words in any order (a names list has no defined order), so
 * a line may be read in several {@code orders}, each a list of words.
 */
record IrcLinePattern(String text, List<List<Word>> orders) {

    /** {@code ~[a b c]}: the words inside, in any order. */
    private static final Pattern ANY_ORDER = Pattern.compile("~\\[([^\\]]*)]");
    /** More orders than this is not a line a person checks by eye, nor one worth trying every order of. */
    private static final int MAX_ORDERS = 720;

    IrcLinePattern {
        orders = orders.stream().map(List::copyOf).toList();
    }

    /** One word of the line: literal text and placeholders, in order. */
    record Word(String text, List<Part> parts) {
        Word {
            parts = List.copyOf(parts);
        }
    }

    sealed interface Part {}

    record Literal(String text) implements Part {}

    /** {@code $_}: any text, as long as there is some. */
    record AnyText() implements Part {}

    /** {@code $name}: binds the text the first time, must equal it afterwards. */
    record Variable(String name) implements Part {}

    /** {@code $name+2}: a whole number that many more (or fewer) than a captured one. */
    record Offset(String name, long delta) implements Part {}

    static IrcLinePattern parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an expected IRC line cannot be empty");
        }
        List<List<Word>> orders = new ArrayList<>();
        for (String order : orders(text)) {
            List<Word> words = new ArrayList<>();
            for (String word : order.split(" ", -1)) {
                words.add(new Word(word, parts(word)));
            }
            orders.add(words);
        }
        return new IrcLinePattern(text, orders);
    }

    /** The words as written, {@code ~[...]} in the order given. */
    List<Word> words() {
        return orders.get(0);
    }

    /** The variables this line captures or compares with ({@code $name}). */
    List<String> variables() {
        return words().stream().flatMap(word -> word.parts().stream())
                .filter(Variable.class::isInstance).map(part -> ((Variable) part).name()).toList();
    }

    /** The variables this line only does arithmetic on ({@code $name+1}): they must be captured before. */
    List<String> offsets() {
        return words().stream().flatMap(word -> word.parts().stream())
                .filter(Offset.class::isInstance).map(part -> ((Offset) part).name()).toList();
    }

    /** The line's text once for each order of the words in its {@code ~[...]}, the order as written first. */
    private static List<String> orders(String text) {
        Matcher group = ANY_ORDER.matcher(text);
        if (!group.find()) {
            return List.of(text);
        }
        String before = text.substring(0, group.start());
        List<String> afters = orders(text.substring(group.end()));
        List<List<String>> permutations = permutations(List.of(group.group(1).split(" ")));
        if ((long) permutations.size() * afters.size() > MAX_ORDERS) {
            throw new IllegalArgumentException("~[...] allows at most " + MAX_ORDERS + " orders of the words in a line");
        }
        List<String> orders = new ArrayList<>();
        for (List<String> permutation : permutations) {
            for (String after : afters) {
                orders.add(before + String.join(" ", permutation) + after);
            }
        }
        return orders;
    }

    private static List<List<String>> permutations(List<String> words) {
        if (words.size() <= 1) {
            return List.of(words);
        }
        if (words.size() > 6) {
            throw new IllegalArgumentException("~[...] takes at most 6 words; it has " + words.size());
        }
        List<List<String>> out = new ArrayList<>();
        for (int first = 0; first < words.size(); first++) {
            List<String> rest = new ArrayList<>(words);
            String head = rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                out.add(permutation);
            }
        }
        return out;
    }

    private static List<Part> parts(String word) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int pos = 0;
        while (pos < word.length()) {
            char c = word.charAt(pos);
            boolean placeholder = c == '$' && pos + 1 < word.length()
                    && (word.charAt(pos + 1) == '_' || Character.isLetter(word.charAt(pos + 1)));
            if (!placeholder) {
                literal.append(c);
                pos++;
                continue;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            int nameEnd = pos + 1;
            while (nameEnd < word.length() && isNameChar(word.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = word.substring(pos + 1, nameEnd);
            pos = nameEnd;
            if (name.equals("_")) {
                parts.add(new AnyText());
                continue;
            }
            int digitsEnd = pos + 1;
            while (digitsEnd < word.length() && Character.isDigit(word.charAt(digitsEnd))) {
                digitsEnd++;
            }
            boolean offset = pos < word.length() && (word.charAt(pos) == '+' || word.charAt(pos) == '-') && digitsEnd > pos + 1;
            if (offset) {
                long delta = Long.parseLong(word.substring(pos + 1, digitsEnd));
                parts.add(new Offset(name, word.charAt(pos) == '-' ? -delta : delta));
                pos = digitsEnd;
            } else {
                parts.add(new Variable(name));
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return parts;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
