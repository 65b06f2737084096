package chat.client.ui;

import chat.client.model.TranscriptEntry;
import chat.protocol.Names;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes transcript lines as the HTML the transcript pane shows. Consecutive messages of one
 * person share a header (nick and time), as in most chat apps; own groups and mentions get a tint.
 */
final class TranscriptHtml {

    /** Messages further apart than this start a new group with its own header. */
    private static final Duration GROUP_GAP = Duration.ofMinutes(5);
    private static final Pattern LINK = Pattern.compile("\\bhttps?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'}]");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String GROUP_END = "</div>";

    private final Theme theme;
    private final ZoneId zone;
    private final int fontSize;

    TranscriptHtml(Theme theme, ZoneId zone, int fontSize) {
        this.theme = theme;
        this.zone = zone;
        this.fontSize = fontSize;
    }

    String document(List<TranscriptEntry> entries) {
        StringBuilder html = new StringBuilder("<html><head><style>").append(css()).append("</style></head><body>");
        TranscriptEntry previous = null;
        int openGroup = -1;
        for (TranscriptEntry entry : entries) {
            if (continues(previous, entry)) {
                html.insert(openGroup, line(entry));
                openGroup += line(entry).length();
            } else {
                html.append(entry(entry));
                openGroup = entry.kind() == TranscriptEntry.Kind.MESSAGE ? html.length() - GROUP_END.length() : -1;
            }
            previous = entry;
        }
        return html.append("</body></html>").toString();
    }

    /**
     * True when {@code entry} joins the group {@code previous} ended: consecutive messages of one
     * person share a header and a tint, so they are written into the group, not after it.
     */
    static boolean continues(TranscriptEntry previous, TranscriptEntry entry) {
        return previous != null && entry.kind() == TranscriptEntry.Kind.MESSAGE && !startsGroup(previous, entry);
    }

    /** A line that starts something: a message group (with its header) or a presence line, notice or error. */
    String entry(TranscriptEntry entry) {
        return switch (entry.kind()) {
            case MESSAGE -> group(entry);
            case PRESENCE -> "<div class='presence'>" + escape(entry.text()) + "&nbsp;&nbsp;" + time(entry) + "</div>";
            case NOTICE -> "<div class='notice'>" + text(entry.text()) + "</div>";
            case ERROR -> "<div class='error'>" + text(entry.text()) + "</div>";
        };
    }

    /** A further message of the group before it. */
    String line(TranscriptEntry entry) {
        return "<div class='line'>" + text(entry.text()) + "</div>";
    }

    private String group(TranscriptEntry entry) {
        // Swing's CSS knows one class per element, so each tint is a class of its own.
        String tint = entry.own() ? "-own" : entry.mentionsMe() ? "-mention" : "";
        String color = NickColors.css(NickColors.of(entry.nick(), theme));
        return "<div class='group" + tint + "'><div class='line'><b style='color:" + color + "'>" + escape(entry.nick())
                + "</b>&nbsp;&nbsp;" + time(entry) + "</div>" + line(entry) + GROUP_END;
    }

    private static boolean startsGroup(TranscriptEntry previous, TranscriptEntry entry) {
        return previous == null
                || previous.kind() != TranscriptEntry.Kind.MESSAGE
                || previous.own() != entry.own()
                || previous.mentionsMe() != entry.mentionsMe()
                || !Names.key(previous.nick()).equals(Names.key(entry.nick()))
                || Duration.between(previous.time(), entry.time()).compareTo(GROUP_GAP) > 0;
    }

    private String time(TranscriptEntry entry) {
        return "<span class='time'>" + TIME.format(entry.time().atZone(zone)) + "</span>";
    }

    private String css() {
        Theme.Palette p = theme.palette();
        int small = Math.max(fontSize - 2, 8);
        String own = "background-color: " + NickColors.css(p.ownBackground()) + ";";
        String mention = "background-color: " + NickColors.css(p.mentionBackground()) + ";";
        String group = "padding: 5px 10px 4px 10px; margin-top: 3px;";
        return "body { margin: 6px 8px 6px 8px; }"
                + " div { margin: 0; }"
                + " .group { " + group + " } .group-own { " + group + own + " } .group-mention { " + group + mention + " }"
                + " .line { padding: 1px 0px 1px 0px; }"
                + " .time { color: " + NickColors.css(p.muted()) + "; font-size: " + small + "pt; }"
                + " .presence { color: " + NickColors.css(p.muted()) + "; font-style: italic; font-size: " + small
                + "pt; padding: 3px 10px 3px 10px; }"
                + " .notice { color: " + NickColors.css(p.notice()) + "; padding: 3px 10px 3px 10px; }"
                + " .error { color: " + NickColors.css(p.error()) + "; padding: 3px 10px 3px 10px; }"
                + " a { color: " + NickColors.css(p.link()) + "; }";
    }

    /** Escapes text, keeps its line breaks and runs of spaces, and turns web addresses into links. */
    static String text(String raw) {
        StringBuilder html = new StringBuilder();
        Matcher link = LINK.matcher(raw);
        int done = 0;
        while (link.find()) {
            html.append(escape(raw.substring(done, link.start())));
            String url = escape(link.group());
            html.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            done = link.end();
        }
        return html.append(escape(raw.substring(done))).toString();
    }

    static String escape(String raw) {
        StringBuilder html = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\n' -> html.append("<br>");
                case '\t' -> html.append("&nbsp;&nbsp;&nbsp;&nbsp;");
                case ' ' -> html.append(i > 0 && raw.charAt(i - 1) == ' ' ? "&nbsp;" : " ");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
