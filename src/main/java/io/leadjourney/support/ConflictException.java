package io.leadjourney.support;

/** A request that is well formed but contradicts what is stored; answered as a 409 problem with the reason. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
