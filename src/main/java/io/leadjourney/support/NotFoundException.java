package io.leadjourney.support;

/** Something the request names does not exist: answered as 404 with the exception's title and message. */
public abstract class NotFoundException extends RuntimeException {

    private final String title;

    protected NotFoundException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
