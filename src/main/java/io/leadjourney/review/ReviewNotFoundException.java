package io.leadjourney.review;

import io.leadjourney.support.NotFoundException;

/** No definition review with that id: 404. */
class ReviewNotFoundException extends NotFoundException {

    ReviewNotFoundException(long id) {
        super("Definition review not found", "No definition review " + id);
    }
}
