package chat.client.model;

/** What the user typed that a failed login points at: the field to put the caret in. */
public enum LoginField { HOST, PORT, NICK }
