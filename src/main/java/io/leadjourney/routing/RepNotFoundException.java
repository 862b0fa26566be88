package io.leadjourney.routing;

/** There is no rep with this id; answered as 404. */
public class RepNotFoundException extends RuntimeException {

    public RepNotFoundException(String message) {
        super(message);
    }
}
