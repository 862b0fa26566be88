package io.leadjourney.support;

/**
 * The caller may use the endpoint but not for this: answered as a 403 problem naming the field that asks for more
 * than the caller's role allows.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
