package chat.client.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web addresses in a line of text, which the transcript shows as links. */
final class Links {

    /** One address: where it is in the text. */
    record Span(int start, int end, String url) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** http(s) addresses, without the punctuation that usually ends the sentence around them. */
    private static final Pattern LINK = Pattern.compile("\\bhttps?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'}]");

    private Links() {}

    static List<Span> in(String text) {
        if (!text.contains("://")) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            spans.add(new Span(matcher.start(), matcher.end(), matcher.group()));
        }
        return spans;
    }
}
