package chat.transcript;

/**
 * A transcript that did not play out. The message names the file, line and mode and shows what
 * arrived; a Java stack trace would only point into the runner, so none is kept.
 */
final class TranscriptFailure extends AssertionError {

    TranscriptFailure(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
