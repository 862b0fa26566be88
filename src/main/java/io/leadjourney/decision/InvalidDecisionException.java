package io.leadjourney.decision;

/** A DMN file that cannot be used, with the reason. Answered as 400 naming the file. */
public class InvalidDecisionException extends RuntimeException {

    public InvalidDecisionException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidDecisionException(String message) {
        super(message);
    }
}
