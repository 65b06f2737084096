package chat.client.model;

/** The server's answer to a register or password change, in a sentence for the person who asked. */
public record AccountAnswer(Request request, boolean done, String sentence) {

    public enum Request { REGISTER, CHANGE_PASSWORD }
}
