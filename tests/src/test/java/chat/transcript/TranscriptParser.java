package chat.transcript;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the transcript format described in tests/README.md. */
final class TranscriptParser {

    private static final String DURATION = "(\\d+\\s*(?:ms|s))";
    private static final Pattern CONFIG = Pattern.compile("config:\\s*(.+)");
    private static final Pattern QUIET_AFTER_END = Pattern.compile("quiet after end:\\s*" + DURATION);
    private static final Pattern WAIT = Pattern.compile("wait\\s+" + DURATION);
    private static final Pattern NOTHING = Pattern.compile("nothing(?:\\s+for\\s+" + DURATION + ")?");
    private static final Pattern UNTIL_ADMITTED = Pattern.compile("while server-full, up to " + DURATION + ":\\s*(.+)");
    private static final Pattern ANY_ORDER = Pattern.compile("in any order:");
    private static final Pattern SEND = Pattern.compile("(\\S+)\\s+>\\s?(.*)");
    private static final Pattern EXPECT = Pattern.compile("(\\S+)\\s+<\\s*(.*)");
    private static final Pattern SEND_IRC = Pattern.compile("(\\S+)\\s+irc>\\s?(.*)");
    private static final Pattern EXPECT_IRC = Pattern.compile("(\\S+)\\s+irc<\\s?(.*)");
    private static final Pattern SEND_RAW = Pattern.compile("(\\S+)\\s+sends raw\\s(.*)");
    private static final Pattern TIMES = Pattern.compile("(\\d+) times:\\s*(.+)");
    private static final Pattern SHUTS_DOWN = Pattern.compile("server shuts down");
    private static final Pattern CONNECTS = Pattern.compile("(\\S+)\\s+(irc\\s+)?connects");
    private static final Pattern DROPS = Pattern.compile("(\\S+)\\s+drops");
    private static final Pattern STOPS_READING = Pattern.compile("(\\S+)\\s+stops reading");
    private static final Pattern STOPS_SENDING = Pattern.compile("(\\S+)\\s+stops sending");
    /** {@code {{x*5000}}}: the text before the last star, repeated; for long frames. */
    private static final Pattern REPEAT = Pattern.compile("\\{\\{(.*?)\\*(\\d+)}}");
    /** {@code {{{"seq":$#},*3..7}}}: the text once for each number from 3 to 7, with {@code $#} standing for it. */
    private static final Pattern NUMBERED = Pattern.compile("\\{\\{(.*?)\\*(\\d+)\\.\\.(\\d+)}}");
    private static final String NUMBER = "$#";

    private final String file;
    private final List<String> configLines = new ArrayList<>();
    private Duration quietAfterEnd;
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> captured = new HashSet<>();

    private TranscriptParser(String file) {
        this.file = file;
    }

    static Transcript parse(String file, String text) {
        TranscriptParser parser = new TranscriptParser(file);
        parser.read(text.split("\r?\n", -1));
        try {
            return new Transcript(file, ConfigFactory.parseString(String.join("\n", parser.configLines)), parser.steps,
                    Optional.ofNullable(parser.quietAfterEnd));
        } catch (ConfigException e) {
            throw new TranscriptSyntaxException(file, 1, String.join("\n", parser.configLines), "bad config: " + e.getMessage());
        }
    }

    private void read(String[] lines) {
        List<Step.Expectation> group = null;
        int groupLine = 0;
        String groupSource = null;
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            String source = lines[index];
            String line = source.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean indented = Character.isWhitespace(source.charAt(0));
            if (group != null && !indented) {
                closeGroup(group, groupLine, groupSource);
                group = null;
            }
            if (group != null) {
                for (Step step : repeated(number, source, line)) {
                    if (!(step instanceof Step.Expectation expect)) {
                        throw new TranscriptSyntaxException(file, number, source,
                                "only expectations with a frame or an IRC line (alice < {...}, alice irc< ...) go inside \"in any order:\"");
                    }
                    group.add(expect);
                }
                continue;
            }
            if (ANY_ORDER.matcher(line).matches()) {
                group = new ArrayList<>();
                groupLine = number;
                groupSource = source;
                continue;
            }
            Matcher config = CONFIG.matcher(line);
            if (config.matches()) {
                if (!steps.isEmpty()) {
                    throw new TranscriptSyntaxException(file, number, source, "config: lines go before the first step");
                }
                configLines.add(config.group(1));
                continue;
            }
            Matcher quiet = QUIET_AFTER_END.matcher(line);
            if (quiet.matches()) {
                if (!steps.isEmpty() || quietAfterEnd != null) {
                    throw new TranscriptSyntaxException(file, number, source, "one 'quiet after end:' line, before the first step");
                }
                quietAfterEnd = duration(quiet.group(1));
                continue;
            }
            steps.addAll(repeated(number, source, line));
        }
        if (group != null) {
            closeGroup(group, groupLine, groupSource);
        }
        if (steps.isEmpty()) {
            throw new TranscriptSyntaxException(file, lines.length, "", "the transcript has no steps");
        }
    }

    private void closeGroup(List<Step.Expectation> group, int line, String source) {
        if (group.size() < 2) {
            throw new TranscriptSyntaxException(file, line, source, "\"in any order:\" needs at least two indented expectations below it");
        }
        steps.add(new Step.AnyOrder(line, source, group));
    }

    /**
     * {@code 3 times: alice < {...}} stands for the line written three times; in the copies,
     * {@code $#} is 1, 2 and 3.
     */
    private List<Step> repeated(int number, String source, String line) {
        Matcher times = TIMES.matcher(line);
        if (!times.matches()) {
            return List.of(step(number, source, line));
        }
        int count = Integer.parseInt(times.group(1));
        List<Step> copies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            copies.add(step(number, source, times.group(2).strip().replace(NUMBER, Integer.toString(i))));
        }
        return copies;
    }

    private Step step(int number, String source, String line) {
        Matcher m;
        if ((m = WAIT.matcher(line)).matches()) {
            return new Step.Wait(number, source, duration(m.group(1)));
        }
        if ((m = UNTIL_ADMITTED.matcher(line)).matches()) {
            Step retried = step(number, source, m.group(2).strip());
            if (!(retried instanceof Step.Send send)) {
                throw new TranscriptSyntaxException(file, number, source,
                        "'while server-full, up to ...:' goes before a send: while server-full, up to 2s: bob > {...}");
            }
            return new Step.SendUntilAdmitted(number, source, send.client(), send.template(), duration(m.group(1)));
        }
        if (SHUTS_DOWN.matcher(line).matches()) {
            return new Step.ShutDown(number, source);
        }
        if ((m = SEND_RAW.matcher(line)).matches()) {
            return new Step.SendRaw(number, source, m.group(1), unescape(number, source, expand(m.group(2))));
        }
        if ((m = CONNECTS.matcher(line)).matches()) {
            return new Step.Connect(number, source, m.group(1), m.group(2) == null ? Wire.JSON : Wire.IRC);
        }
        if ((m = STOPS_READING.matcher(line)).matches()) {
            return new Step.StopReading(number, source, m.group(1));
        }
        if ((m = STOPS_SENDING.matcher(line)).matches()) {
            return new Step.StopSending(number, source, m.group(1));
        }
        if ((m = DROPS.matcher(line)).matches()) {
            return new Step.Drop(number, source, m.group(1));
        }
        if ((m = SEND.matcher(line)).matches()) {
            SendTemplate template = SendTemplate.of(expand(m.group(2)));
            for (String variable : template.variables()) {
                requireCaptured(variable, number, source);
            }
            return new Step.Send(number, source, m.group(1), template);
        }
        if ((m = EXPECT.matcher(line)).matches()) {
            return expectation(number, source, m.group(1), m.group(2).strip());
        }
        if ((m = SEND_IRC.matcher(line)).matches()) {
            return new Step.SendIrc(number, source, m.group(1), expand(m.group(2)));
        }
        if ((m = EXPECT_IRC.matcher(line)).matches()) {
            return ircExpectation(number, source, m.group(1), expand(m.group(2)));
        }
        throw new TranscriptSyntaxException(file, number, source,
"not a transcript line; expected e.g. 'alice > {...}', 'alice < {...}', 'alice < nothing', 'alice < nothing for 1s', "
                        + "'alice < closed', 'alice < reset', 'alice irc> NICK alice', 'alice irc< :server 001 alice :Welcome', "
                        + "'alice connects', 'alice irc connects', 'alice drops', 'alice stops sending', 'alice stops reading', 'alice sends raw ...', 'wait 200ms', 'server shuts down', "
                        + "'in any order:', '3 times: ...', 'while server-full, up to 2s: ...', 'config: key = value', "
                        + "'quiet after end: 2s' or '# comment'");
    }

    private Step expectation(int number, String source, String client, String body) {
        Matcher nothing = NOTHING.matcher(body);
        if (nothing.matches()) {
            return new Step.ExpectNothing(number, source, client, Optional.ofNullable(nothing.group(1)).map(TranscriptParser::duration));
        }
        if (body.equals("closed")) {
            return new Step.ExpectClosed(number, source, client);
        }
        if (body.equals("reset")) {
            return new Step.ExpectReset(number, source, client);
        }
        FramePattern frame;
        try {
            frame = FramePatternParser.parse(expand(body));
        } catch (IllegalArgumentException e) {
            throw new TranscriptSyntaxException(file, number, source, "cannot read the expected frame: " + e.getMessage());
        }
        boolean objects = frame instanceof FramePattern.ObjectShape
                || frame instanceof FramePattern.AnyOf anyOf && anyOf.alternatives().stream().allMatch(FramePattern.ObjectShape.class::isInstance);
        if (!objects) {
            throw new TranscriptSyntaxException(file, number, source, "an expected frame is a JSON object {...}, or several joined by |");
        }
        List<String> offsets = new ArrayList<>();
        collectVariables(frame, offsets);
        for (String variable : offsets) {
            requireCaptured(variable, number, source);
        }
        return new Step.Expect(number, source, client, frame);
    }

    private Step ircExpectation(int number, String source, String client, String body) {
        IrcLinePattern pattern;
        try {
            pattern = IrcLinePattern.parse(body);
        } catch (IllegalArgumentException e) {
            throw new TranscriptSyntaxException(file, number, source, "cannot read the expected IRC line: " + e.getMessage());
        }
        captured.addAll(pattern.variables());
        for (String variable : pattern.offsets()) {
            requireCaptured(variable, number, source);
        }
        return new Step.ExpectIrc(number, source, client, pattern);
    }

    /** Notes the variables the frame captures; lists in {@code offsets} those it only does arithmetic on. */
    private void collectVariables(FramePattern pattern, List<String> offsets) {
        if (pattern instanceof FramePattern.Variable variable) {
            captured.add(variable.name());
        } else if (pattern instanceof FramePattern.Offset offset) {
            offsets.add(offset.name());
        } else if (pattern instanceof FramePattern.ObjectShape shape) {
            shape.fields().values().forEach(field -> collectVariables(field, offsets));
        } else if (pattern instanceof FramePattern.ArrayShape shape) {
            shape.elements().forEach(element -> collectVariables(element, offsets));
        } else if (pattern instanceof FramePattern.AnyOf anyOf) {
            anyOf.alternatives().forEach(alternative -> collectVariables(alternative, offsets));
        }
    }

    private void requireCaptured(String variable, int number, String source) {
        if (!captured.contains(variable)) {
            throw new TranscriptSyntaxException(file, number, source,
                    "$" + variable + " is used before any expectation above captures it");
        }
    }

    /** {@code 300ms} or {@code 2s}, as the patterns above capture it. */
    private static Duration duration(String text) {
        String trimmed = text.replace(" ", "");
        return trimmed.endsWith("ms")
                ? Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
    }

    private static String expand(String text) {
        Matcher numbered = NUMBERED.matcher(text);
        StringBuilder counted = new StringBuilder();
        while (numbered.find()) {
            StringBuilder copies = new StringBuilder();
            for (long n = Long.parseLong(numbered.group(2)); n <= Long.parseLong(numbered.group(3)); n++) {
                copies.append(numbered.group(1).replace(NUMBER, Long.toString(n)));
            }
            numbered.appendReplacement(counted, Matcher.quoteReplacement(copies.toString()));
        }
        numbered.appendTail(counted);
        Matcher m = REPEAT.matcher(counted);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code \r}, {@code \n}, {@code \t}, {@code \\} and {@code \xHH}; everything else as UTF-8. */
    private byte[] unescape(int number, String source, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != '\\') {
                int end = text.indexOf('\\', pos);
                end = end < 0 ? text.length() : end;
                out.writeBytes(text.substring(pos, end).getBytes(StandardCharsets.UTF_8));
                pos = end;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw new TranscriptSyntaxException(file, number, source, "a lone \\ at the end; write \\\\ for a backslash");
            }
            char escaped = text.charAt(pos + 1);
            switch (escaped) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (pos + 4 > text.length() || !text.substring(pos + 2, pos + 4).matches("[0-9a-fA-F]{2}")) {
                        throw new TranscriptSyntaxException(file, number, source, "\\x needs two hex digits, e.g. \\xff");
                    }
                    out.write(Integer.parseInt(text.substring(pos + 2, pos + 4), 16));
                    pos += 2;
                }
                default -> throw new TranscriptSyntaxException(file, number, source,
                        "unknown escape \\" + escaped + " in raw bytes; use \\r \\n \\t \\\\ or \\xHH");
            }
            pos += 2;
        }
        return out.toByteArray();
    }
}
