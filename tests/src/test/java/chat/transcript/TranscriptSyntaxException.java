package chat.transcript;

/** A transcript line the parser cannot read; the message names the file and line. */
final class TranscriptSyntaxException extends RuntimeException {

    TranscriptSyntaxException(String file, int line, String source, String problem) {
        super(file + ":" + line + ": " + problem + "\n    " + source.strip());
    }
}
