package io.leadjourney.routing;

import io.leadjourney.support.NotFoundException;

/** There is no rep with this id; answered as 404. */
public class RepNotFoundException extends NotFoundException {

    public RepNotFoundException(String message) {
        super("Rep not found", message);
    }
}
