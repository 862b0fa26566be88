package io.leadjourney.journey;

import org.camunda.bpm.engine.BadUserRequestException;

/** A value a rep submitted with a task that the task does not take: names the form field. */
public class InvalidTaskInputException extends BadUserRequestException {

    private final String field;

    InvalidTaskInputException(String field, String message) {
        super("'" + field + "' " + message);
        this.field = field;
    }

    public String getField() {
        return field;
    }

    /** The message without the field's name in front. */
    public String reason() {
        return getMessage().substring(field.length() + 3);
    }
}
